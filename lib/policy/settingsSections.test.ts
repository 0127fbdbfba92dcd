import type { UiNode } from "@ory/client-fetch";
import { describe, expect, it } from "vitest";
import {
  enabledSections,
  postedGroup,
  sectionById,
  sectionNodes,
  sectionOfGroup,
  sectionReturnLocation,
  SETTINGS_SECTIONS,
  showsTotpSetup,
  withoutTotpSetup,
} from "@/lib/policy/settingsSections";

function input(group: string, name: string, type = "submit", error = false): UiNode {
  return {
    type: "input",
    group,
    attributes: { name, type, disabled: false, node_type: "input" },
    messages: error
      ? [{ id: 4000008, type: "error", text: "The provided authentication code is invalid" }]
      : [],
    meta: {},
  } as unknown as UiNode;
}

const csrf = input("default", "csrf_token", "hidden");
const NODES = [
  csrf,
  input("profile", "traits.email", "email"),
  input("profile", "method"),
  input("password", "password", "password"),
  input("password", "method"),
  input("totp", "totp_code", "text"),
  input("totp", "method"),
  input("webauthn", "webauthn_register_displayname", "text"),
  input("lookup_secret", "lookup_secret_regenerate"),
  input("passkey", "passkey_register_trigger", "button"),
  input("oidc", "link"),
];

const names = (nodes: UiNode[]) => nodes.map((n) => `${n.group}:${(n.attributes as { name: string }).name}`);

describe("settings sections", () => {
  it("puts each Kratos settings group in one section", () => {
    expect(sectionOfGroup("profile")?.id).toBe("profile");
    expect(sectionOfGroup("password")?.id).toBe("password");
    for (const g of ["totp", "webauthn", "lookup_secret"]) expect(sectionOfGroup(g)?.id).toBe("two-factor");
    expect(sectionOfGroup("passkey")?.id).toBe("passkeys");
    expect(sectionOfGroup("oidc")?.id).toBe("linked-accounts");
    expect(sectionOfGroup("default")).toBeUndefined();
    expect(sectionOfGroup("code")).toBeUndefined();
    const groups = SETTINGS_SECTIONS.flatMap((s) => s.groups);
    expect(new Set(groups).size).toBe(groups.length);
  });

  it("leaves out a section whose feature is off", () => {
    expect(enabledSections(["oidc", "account-deletion"]).map((s) => s.id)).toEqual([
      "profile",
      "password",
      "two-factor",
      "passkeys",
      "linked-accounts",
      "sessions",
      "delete",
    ]);
    expect(enabledSections([]).map((s) => s.id)).toEqual([
      "profile",
      "password",
      "two-factor",
      "passkeys",
      "sessions",
    ]);
  });

  it("gives each section its own URL under /settings, the profile /settings itself", () => {
    expect(SETTINGS_SECTIONS.map((s) => s.path)).toEqual([
      "/settings",
      "/settings/password",
      "/settings/two-factor",
      "/settings/passkeys",
      "/settings/linked-accounts",
      "/settings/sessions",
      "/settings/delete",
    ]);
  });

  it("keeps the hidden default nodes (csrf_token) in every section's nodes", () => {
    expect(names(sectionNodes(NODES, sectionById("password")))).toEqual([
      "default:csrf_token",
      "password:password",
      "password:method",
    ]);
    expect(names(sectionNodes(NODES, sectionById("two-factor")))).toEqual([
      "default:csrf_token",
      "totp:totp_code",
      "totp:method",
      "webauthn:webauthn_register_displayname",
      "lookup_secret:lookup_secret_regenerate",
    ]);
    expect(names(sectionNodes(NODES, sectionById("sessions")))).toEqual(["default:csrf_token"]);
    // A visible default field is not a hidden one: it stays out.
    const visibleDefault = input("default", "identifier", "text");
    expect(sectionNodes([visibleDefault], sectionById("profile"))).toEqual([]);
  });
});

describe("authenticator app setup", () => {
  it("is shown only when asked for, or when Kratos refused a setup attempt", () => {
    expect(showsTotpSetup(NODES, undefined)).toBe(false);
    expect(showsTotpSetup(NODES, "other")).toBe(false);
    expect(showsTotpSetup(NODES, "totp")).toBe(true);
    expect(showsTotpSetup([csrf, input("totp", "totp_code", "text", true)], undefined)).toBe(true);
    // An error elsewhere does not open it.
    expect(showsTotpSetup([input("password", "password", "password", true)], undefined)).toBe(false);
  });

  it("hides the setup nodes but never the unlink button", () => {
    expect(names(withoutTotpSetup(NODES))).not.toContain("totp:totp_code");
    expect(names(withoutTotpSetup(NODES))).toContain("webauthn:webauthn_register_displayname");
    expect(names(withoutTotpSetup([input("totp", "totp_unlink")]))).toEqual(["totp:totp_unlink"]);
  });
});

describe("the group of a posted settings form", () => {
  it("is its method, or else the field that names one", () => {
    expect(postedGroup("password", ["csrf_token", "password"])).toBe("password");
    expect(postedGroup(undefined, ["csrf_token", "totp_unlink"])).toBe("totp");
    expect(postedGroup(undefined, ["csrf_token", "webauthn_remove"])).toBe("webauthn");
    expect(postedGroup(undefined, ["csrf_token", "passkey_remove"])).toBe("passkey");
    expect(postedGroup(undefined, ["csrf_token", "lookup_secret_confirm"])).toBe("lookup_secret");
    expect(postedGroup(undefined, ["csrf_token", "unlink"])).toBe("oidc");
    expect(postedGroup(undefined, ["csrf_token", "link"])).toBe("oidc");
    expect(postedGroup(undefined, ["csrf_token", "traits.email"])).toBe("profile");
    expect(postedGroup(undefined, ["csrf_token", "unlinked", "xtotp_code"])).toBeUndefined();
    expect(postedGroup(undefined, [])).toBeUndefined();
  });
});

describe("where a settings form comes back to", () => {
  const app = "https://app.example";
  const ctx = { appOrigin: app, bffPrefix: "/api/kratos" };

  it("sends Kratos's settings UI redirect to the posted method's section", () => {
    const loc = `${app}/settings?flow=f1`;
    expect(sectionReturnLocation(loc, { ...ctx, method: "password" })).toBe(
      `${app}/settings/password?flow=f1`,
    );
    for (const m of ["totp", "webauthn", "lookup_secret"])
      expect(sectionReturnLocation(loc, { ...ctx, method: m })).toBe(`${app}/settings/two-factor?flow=f1`);
    expect(sectionReturnLocation(loc, { ...ctx, method: "passkey" })).toBe(
      `${app}/settings/passkeys?flow=f1`,
    );
    expect(sectionReturnLocation(loc, { ...ctx, method: "profile" })).toBe(loc);
    expect(sectionReturnLocation(loc, { ...ctx, oidcCallback: true })).toBe(
      `${app}/settings/linked-accounts?flow=f1`,
    );
  });

  it("sends a new flow to the section that started it", () => {
    const loc = `${app}/settings?flow=f2`;
    expect(sectionReturnLocation(loc, { ...ctx, section: "sessions" })).toBe(
      `${app}/settings/sessions?flow=f2`,
    );
    expect(sectionReturnLocation(loc, { ...ctx, section: "two-factor" })).toBe(
      `${app}/settings/two-factor?flow=f2`,
    );
    expect(sectionReturnLocation(loc, { ...ctx, section: "//evil.test" })).toBe(loc);
    expect(sectionReturnLocation(loc, { ...ctx, section: "toString" })).toBe(loc);
  });

  it("keeps the query (flow, notice) as Kratos wrote it", () => {
    expect(sectionReturnLocation(`${app}/settings?flow=f1&notice=x`, { ...ctx, method: "password" })).toBe(
      `${app}/settings/password?flow=f1&notice=x`,
    );
  });

  it("never follows a client: an unknown method or another Location stays as it is", () => {
    const loc = `${app}/settings?flow=f1`;
    expect(sectionReturnLocation(loc, ctx)).toBe(loc);
    expect(sectionReturnLocation(loc, { ...ctx, method: "https://evil.test/" })).toBe(loc);
    expect(sectionReturnLocation(loc, { ...ctx, method: "../../evil" })).toBe(loc);
    expect(sectionReturnLocation(loc, { ...ctx, method: "constructor" })).toBe(loc);
    expect(sectionReturnLocation("https://evil.test/settings?flow=f1", { ...ctx, method: "password" })).toBe(
      "https://evil.test/settings?flow=f1",
    );
    expect(sectionReturnLocation(`${app}/`, { ...ctx, method: "password" })).toBe(`${app}/`);
    expect(sectionReturnLocation("/settings?flow=f1", { ...ctx, method: "password" })).toBe(
      "/settings?flow=f1",
    );
    expect(sectionReturnLocation("not a url", { ...ctx, method: "password" })).toBe("not a url");
  });

  it("sends the re-authentication detour back to the section with the same flow", () => {
    const back = `${app}/api/kratos/self-service/settings?flow=f1`;
    const loc = `${app}/api/kratos/self-service/login/browser?refresh=true&return_to=${encodeURIComponent(back)}`;
    const out = new URL(sectionReturnLocation(loc, { ...ctx, method: "password" }));
    expect(out.origin + out.pathname).toBe(`${app}/api/kratos/self-service/login/browser`);
    expect(out.searchParams.get("refresh")).toBe("true");
    expect(out.searchParams.get("return_to")).toBe(`${app}/settings/password?flow=f1`);
  });

  it("leaves a detour alone whose return_to is not the app's settings submission", () => {
    const login = `${app}/api/kratos/self-service/login/browser?refresh=true&return_to=`;
    for (const back of [
      "https://evil.test/api/kratos/self-service/settings?flow=f1",
      `${app}/elsewhere?flow=f1`,
      `${app}/api/kratos/self-service/settings`,
      "",
    ]) {
      const loc = login + encodeURIComponent(back);
      expect(sectionReturnLocation(loc, { ...ctx, method: "password" })).toBe(loc);
    }
  });
});
