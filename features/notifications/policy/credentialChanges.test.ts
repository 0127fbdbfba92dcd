import { describe, expect, it } from "vitest";
import { EMPTY_SUMMARY, credentialChanges, readSummary, summarizeCredentials } from "./credentialChanges";

const key = { id: "k" };

describe("summarizeCredentials", () => {
  it("reads types, security keys and OIDC providers from an admin identity", () => {
    expect(
      summarizeCredentials({
        password: { identifiers: ["a@example.test"] },
        totp: { identifiers: ["id"] },
        lookup_secret: { identifiers: ["id"] },
        webauthn: { config: { credentials: [key, key] } },
        passkey: { config: { credentials: null } },
        oidc: { identifiers: ["local:123", "local-sso:9", "local:456"] },
      }),
    ).toEqual({ totp: true, lookupSecret: true, webauthn: 2, passkey: 0, oidc: ["local", "local-sso"] });
  });

  it("summarizes nothing as the empty summary", () => {
    expect(summarizeCredentials(undefined)).toEqual(EMPTY_SUMMARY);
  });
});

describe("readSummary", () => {
  it("round-trips a summary and refuses anything malformed", () => {
    const s = { ...EMPTY_SUMMARY, webauthn: 1, oidc: ["local"] };
    expect(readSummary(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(readSummary({ ...s, webauthn: "1" })).toBeUndefined();
    expect(readSummary(null)).toBeUndefined();
  });
});

describe("credentialChanges", () => {
  const before = { ...EMPTY_SUMMARY };
  it.each([
    ["password", before, before, ["password_changed"]],
    ["totp", before, { ...before, totp: true }, ["totp_added"]],
    ["totp", { ...before, totp: true }, before, ["totp_removed"]],
    ["webauthn", before, { ...before, webauthn: 1 }, ["webauthn_added"]],
    ["webauthn", { ...before, webauthn: 2 }, { ...before, webauthn: 1 }, ["webauthn_removed"]],
    ["passkey", before, { ...before, passkey: 1 }, ["passkey_added"]],
    ["passkey", { ...before, passkey: 1 }, before, ["passkey_removed"]],
    ["lookup_secret", before, { ...before, lookupSecret: true }, ["backup_codes_created"]],
    [
      "lookup_secret",
      { ...before, lookupSecret: true },
      { ...before, lookupSecret: true },
      ["backup_codes_regenerated"],
    ],
    ["lookup_secret", { ...before, lookupSecret: true }, before, ["backup_codes_removed"]],
    ["totp", { ...before, totp: true }, { ...before, totp: true }, []],
    ["webauthn", { ...before, passkey: 1 }, { ...before, passkey: 1 }, []],
  ] as const)("%s: %j → %j is %j", (method, old, now, types) => {
    expect(credentialChanges(method, old, now).map((c) => c.type)).toEqual(types);
  });

  it("names the OIDC provider linked and unlinked", () => {
    expect(
      credentialChanges("oidc", { ...before, oidc: ["local"] }, { ...before, oidc: ["local-sso"] }),
    ).toEqual([
      { type: "oidc_linked", provider: "local-sso" },
      { type: "oidc_unlinked", provider: "local" },
    ]);
  });

  it("reads a missing summary (an account older than the feature) as having had nothing", () => {
    expect(credentialChanges("passkey", undefined, { ...before, passkey: 1 })).toEqual([
      { type: "passkey_added" },
    ]);
  });
});
