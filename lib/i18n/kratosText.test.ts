import type { UiNode, UiText } from "@ory/client-fetch";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { interpolate, localizeUi, lookupIn, translateText } from "@/lib/i18n/kratosText";

const de = lookupIn(CATALOGS.de);
const text = (id: number, t: string, context?: object): UiText => ({ id, text: t, type: "error", context });

describe("translateText", () => {
  it("words a Kratos message by its id", () => {
    const wrongPassword = text(4000006, "The provided credentials are invalid, check for spelling mistakes…");
    expect(translateText(wrongPassword, de)).toBe(CATALOGS.de.kratos["4000006"]);
  });

  it("fills the catalog's placeholders from the message's context", () => {
    const tooShort = text(4000032, "The password must be at least 8 characters long, but got 3.", {
      min_length: 8,
      actual_length: 3,
    });
    expect(translateText(tooShort, de)).toBe(
      "Das Passwort muss mindestens 8 Zeichen lang sein, es hat aber 3.",
    );
  });

  it("keeps Kratos's English text, with its context values, for an id the catalog lacks", () => {
    const future = text(4999999, "Property nickname is missing.", { property: "nickname" });
    expect(translateText(future, de)).toBe("Property nickname is missing.");
  });

  it("keeps Kratos's text when the context lacks a value the catalog needs", () => {
    const missing = text(4000002, "Property email is missing.", {});
    expect(translateText(missing, de)).toBe("Property email is missing.");
  });
});

describe("translateText: Kratos's free-text reasons", () => {
  const unlinkLast = text(4000001, "can not unlink … last remaining first factor credential", {
    reason:
      "can not unlink OpenID Connect connection because it is the last remaining first factor credential",
  });

  it("words a known reason in the catalog", () => {
    expect(translateText(unlinkLast, de)).toBe(CATALOGS.de.kratosReasons.unlinkLastSignInMethod);
    expect(translateText(unlinkLast, lookupIn(CATALOGS.en))).toContain("your only way to sign in");
  });

  it("words a provider's refusal, whatever details Kratos appends", () => {
    const denied = text(4000001, "Unable to complete …", {
      reason:
        'Unable to complete OpenID Connect flow because the OpenID Provider returned error "access_denied": The user denied the request.',
    });
    expect(translateText(denied, de)).toBe(CATALOGS.de.kratosReasons.providerDidNotSignIn);
  });

  it("shows any other reason as Kratos wrote it", () => {
    const other = text(4000001, "something else", { reason: "something else" });
    expect(translateText(other, de)).toBe("something else");
  });
});

describe("interpolate", () => {
  it("joins lists and prints numbers", () => {
    expect(interpolate("{a} / {b}", { a: ["x", "y"], b: 2 })).toBe("x, y / 2");
  });

  it("refuses empty values and inherited names", () => {
    expect(interpolate("{a}", { a: "" })).toBeUndefined();
    expect(interpolate("{toString}", {})).toBeUndefined();
    expect(interpolate("{a}", null)).toBeUndefined();
  });
});

describe("localizeUi", () => {
  const node = (over: Partial<UiNode>): UiNode =>
    ({
      type: "input",
      group: "default",
      attributes: { name: "traits.email", type: "email", node_type: "input", disabled: false },
      messages: [],
      meta: {},
      ...over,
    }) as UiNode;

  it("translates flow messages, node messages and labels", () => {
    const ui = localizeUi(
      {
        action: "/x",
        method: "POST",
        messages: [text(4000006, "The provided credentials are invalid…")],
        nodes: [
          node({
            attributes: { name: "password", type: "password", node_type: "input", disabled: false },
            meta: { label: text(1070001, "Password") },
            messages: [text(4000034, "The password has been found in data breaches…")],
          }),
        ],
      },
      de,
    );
    expect(ui.messages?.[0]?.text).toBe(CATALOGS.de.kratos["4000006"]);
    expect(ui.nodes[0]?.meta.label?.text).toBe("Passwort");
    expect(ui.nodes[0]?.messages[0]?.text).toBe(CATALOGS.de.kratos["4000034"]);
  });

  it("words a field's title from the identity schema (English in the schema)", () => {
    const ui = localizeUi(
      {
        action: "/x",
        method: "POST",
        nodes: [node({ meta: { label: text(1070002, "Email", { title: "Email" }) } })],
      },
      de,
    );
    expect(ui.nodes[0]?.meta.label?.text).toBe("E-Mail");
  });

  it("leaves secrets as they are", () => {
    const secret = node({
      type: "text",
      attributes: { id: "totp_secret_key", node_type: "text", text: text(1050006, "JBSWY3DPEHPK3PXP") },
    });
    const ui = localizeUi({ action: "/x", method: "POST", nodes: [secret] }, de);
    expect(ui.nodes[0]?.attributes).toEqual(secret.attributes);
  });
});
