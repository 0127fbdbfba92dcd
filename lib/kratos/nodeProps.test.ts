import type { UiNode } from "@ory/client-fetch";
import { describe, expect, it } from "vitest";
import { buttonVariant, describeNode, fieldId, inputModeOf, listedCodes } from "@/lib/kratos/nodeProps";
import { METHODS } from "@/lib/policy/methods";

// Nodes shaped like Kratos v1.3.1 `ui.nodes` JSON.
function input(
  group: UiNode["group"],
  attributes: Record<string, unknown>,
  messages: UiNode["messages"] = [],
) {
  return {
    type: "input",
    group,
    attributes: { disabled: false, node_type: "input", ...attributes },
    messages,
    meta: { label: { id: 1, text: `Label of ${String(attributes.name)}`, type: "info" } },
  } as UiNode;
}

function text(group: UiNode["group"], id: string, context?: object): UiNode {
  return {
    type: "text",
    group,
    attributes: { node_type: "text", id, text: { id: 1050015, text: "a, b", type: "info", context } },
    messages: [],
    meta: {},
  };
}

const secrets = [
  { id: 1050009, text: "abcd1234", type: "info" },
  { id: 1050014, text: "used", type: "info" },
];

describe("describeNode", () => {
  it.each<[string, UiNode, string]>([
    ["a text field", input("default", { name: "identifier", type: "text" }), "Input"],
    ["a password", input("password", { name: "password", type: "password" }), "Input"],
    ["a checkbox", input("default", { name: "remember", type: "checkbox" }), "Checkbox"],
    ["a hidden field", input("default", { name: "csrf_token", type: "hidden", value: "t" }), "Hidden"],
    ["a submit", input("password", { name: "method", type: "submit", value: "password" }), "Button"],
    ["a plain button", input("code", { name: "resend", type: "button", value: "code" }), "Button"],
    [
      "a WebAuthn button",
      input("webauthn", {
        name: "webauthn_register_trigger",
        type: "button",
        onclickTrigger: "oryWebAuthnRegistration",
      }),
      "WebAuthnButton",
    ],
    ["a text", text("totp", "totp_secret_key"), "Text"],
  ])("gives %s its kind", (_name, node, kind) => {
    expect(describeNode(node, "p").kind).toBe(kind);
  });

  it("works out a field's id, label, messages and error state", () => {
    const messages = [{ id: 4000006, text: "Wrong", type: "error" as const }];
    const d = describeNode(
      input("default", { name: "traits.email", type: "email", required: true }, messages),
      "reg",
    );
    expect(d).toMatchObject({
      kind: "Input",
      props: {
        id: "reg-traits_email",
        name: "traits.email",
        label: "Label of traits.email",
        messagesId: "reg-traits_email-messages",
        describedBy: "reg-traits_email-messages",
        invalid: true,
        required: true,
      },
    });
  });

  it("describes a field without messages as valid, described by nothing", () => {
    const d = describeNode(
      input("default", { name: "identifier", type: "text" }, [{ id: 1, text: "Note", type: "info" }]),
      "p",
    );
    expect(d.props).toMatchObject({ invalid: false, describedBy: "p-identifier-messages" });
    const none = describeNode(input("default", { name: "identifier", type: "text" }), "p");
    expect(none.props).toMatchObject({ invalid: false, describedBy: undefined });
  });

  it("never sends a password back, and sends other values as text", () => {
    expect(
      describeNode(input("password", { name: "password", type: "password", value: "s3cret" }), "p").props,
    ).toHaveProperty("defaultValue", undefined);
    expect(
      describeNode(input("default", { name: "n", type: "number", value: 42 }), "p").props,
    ).toHaveProperty("defaultValue", "42");
  });

  it("uses the page's label over Kratos's", () => {
    expect(
      describeNode(input("password", { name: "password", type: "password" }), "p", "New password").props,
    ).toHaveProperty("label", "New password");
  });

  it("gives code inputs a numeric keyboard, as the method registry says", () => {
    expect(describeNode(input("code", { name: "code", type: "text" }), "p").props).toHaveProperty(
      "inputMode",
      "numeric",
    );
    expect(describeNode(input("totp", { name: "totp_code", type: "text" }), "p").props).toHaveProperty(
      "inputMode",
      "numeric",
    );
    expect(
      describeNode(input("lookup_secret", { name: "lookup_secret", type: "text" }), "p").props,
    ).toHaveProperty("inputMode", undefined);
  });

  it("lists backup codes from the text the method registry names", () => {
    expect(describeNode(text("lookup_secret", "lookup_secret_codes", { secrets }), "p").props).toHaveProperty(
      "codes",
      ["abcd1234", "used"],
    );
  });
});

describe("inputModeOf", () => {
  it("is numeric for exactly the registry's numeric inputs, in their method's group", () => {
    expect(inputModeOf("code", "code")).toBe("numeric");
    expect(inputModeOf("totp", "totp_code")).toBe("numeric");
    expect(inputModeOf("totp", "code")).toBeUndefined();
    expect(inputModeOf("default", "identifier")).toBeUndefined();
    expect(inputModeOf("password", "password")).toBeUndefined();
  });

  it("is declared on the code and TOTP methods only", () => {
    expect(METHODS.filter((m) => m.numericInputs).map((m) => [m.key, m.numericInputs])).toEqual([
      ["code", ["code"]],
      ["totp", ["totp_code"]],
    ]);
  });
});

describe("listedCodes", () => {
  const attributes = (node: UiNode) => {
    if (node.attributes.node_type !== "text") throw new Error("not a text");
    return node.attributes;
  };

  it("reads each secret's text", () => {
    expect(
      listedCodes("lookup_secret", attributes(text("lookup_secret", "lookup_secret_codes", { secrets }))),
    ).toEqual(["abcd1234", "used"]);
  });

  it("ignores texts the registry does not name, even with secrets", () => {
    expect(listedCodes("totp", attributes(text("totp", "totp_secret_key", { secrets })))).toBeUndefined();
    expect(
      listedCodes("lookup_secret", attributes(text("lookup_secret", "other", { secrets }))),
    ).toBeUndefined();
  });

  it("tolerates a context without secrets, or with malformed ones", () => {
    expect(
      listedCodes("lookup_secret", attributes(text("lookup_secret", "lookup_secret_codes"))),
    ).toBeUndefined();
    expect(
      listedCodes(
        "lookup_secret",
        attributes(text("lookup_secret", "lookup_secret_codes", { secrets: "abc" })),
      ),
    ).toBeUndefined();
    expect(
      listedCodes(
        "lookup_secret",
        attributes(
          text("lookup_secret", "lookup_secret_codes", { secrets: [null, { text: 1 }, { text: "ok" }] }),
        ),
      ),
    ).toEqual(["ok"]);
  });
});

describe("buttonVariant", () => {
  it("is danger for the registry's remove buttons, primary for a method, secondary otherwise", () => {
    expect(buttonVariant("totp_unlink")).toBe("danger");
    expect(buttonVariant("webauthn_remove")).toBe("danger");
    expect(buttonVariant("method")).toBe("primary");
    expect(buttonVariant("resend")).toBe("secondary");
  });
});

describe("fieldId", () => {
  it("prefixes the name and replaces what an id should not hold", () => {
    expect(fieldId("login-password", "identifier")).toBe("login-password-identifier");
    expect(fieldId("reg", "traits.name.first")).toBe("reg-traits_name_first");
    expect(fieldId("s", "a b/c")).toBe("s-a_b_c");
  });
});
