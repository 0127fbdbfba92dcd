import { describe, expect, it } from "vitest";
import { linkedOidcProviders, usableCredentialTypes } from "@/lib/kratos/credentials";

// Credential entries shaped like the Kratos v1.3.1 admin API answer for
// GET /admin/identities/{id}?include_credential=webauthn&include_credential=passkey.

const meta = { identifiers: ["a@example.test"], version: 0, created_at: "2025-01-01T00:00:00Z" };

function key(isPasswordless: boolean, id = "a2V5") {
  return {
    id,
    public_key: "cHVibGljLWtleQ==",
    attestation_type: "none",
    display_name: "Test key",
    added_at: "2025-01-01T00:00:00Z",
    is_passwordless: isPasswordless,
  };
}

const password = { type: "password", ...meta };
const code = {
  type: "code",
  ...meta,
  config: { addresses: [{ channel: "email", address: "a@example.test" }] },
};
const totp = { type: "totp", ...meta };
const lookup = { type: "lookup_secret", ...meta };
const emptyWebauthn = { type: "webauthn", ...meta, config: { credentials: null, user_handle: "dXNlcg==" } };

describe("usableCredentialTypes", () => {
  it("is empty for undefined or no credentials", () => {
    expect(usableCredentialTypes(undefined)).toEqual([]);
    expect(usableCredentialTypes({})).toEqual([]);
  });

  it("passes password, totp, lookup_secret and code through", () => {
    expect(usableCredentialTypes({ password, totp, lookup_secret: lookup, code })).toEqual([
      "password",
      "totp",
      "lookup_secret",
      "code",
    ]);
  });

  describe("webauthn", () => {
    it("does not count the empty entry Kratos creates for every identity", () => {
      expect(usableCredentialTypes({ password, webauthn: emptyWebauthn })).toEqual(["password"]);
      expect(
        usableCredentialTypes({ webauthn: { type: "webauthn", ...meta, config: { credentials: [] } } }),
      ).toEqual([]);
      expect(usableCredentialTypes({ webauthn: { type: "webauthn", ...meta, config: {} } })).toEqual([]);
      expect(usableCredentialTypes({ webauthn: { type: "webauthn", ...meta, config: null } })).toEqual([]);
      expect(usableCredentialTypes({ webauthn: { type: "webauthn", ...meta } })).toEqual([]);
    });

    it('counts as "webauthn" with a second-factor (non-passwordless) key', () => {
      const webauthn = { type: "webauthn", ...meta, config: { credentials: [key(false)] } };
      expect(usableCredentialTypes({ password, webauthn })).toEqual(["password", "webauthn"]);
    });

    it('counts passwordless keys as "passkey", not "webauthn"', () => {
      const webauthn = { type: "webauthn", ...meta, config: { credentials: [key(true), key(true, "b")] } };
      const types = usableCredentialTypes({ webauthn });
      expect(types).toEqual(["passkey"]);
      expect(types).not.toContain("webauthn");
    });

    it("counts both when it holds both kinds of key", () => {
      const webauthn = { type: "webauthn", ...meta, config: { credentials: [key(true), key(false, "b")] } };
      expect([...usableCredentialTypes({ webauthn })].sort()).toEqual(["passkey", "webauthn"]);
    });

    it("treats a key without is_passwordless as a second-factor key", () => {
      const webauthn = { type: "webauthn", ...meta, config: { credentials: [{ id: "a2V5" }] } };
      expect(usableCredentialTypes({ webauthn })).toEqual(["webauthn"]);
    });
  });

  describe("passkey", () => {
    it('counts as "passkey" when it holds a key', () => {
      const passkey = {
        type: "passkey",
        ...meta,
        config: { credentials: [key(true)], user_handle: "dXNlcg==" },
      };
      expect(usableCredentialTypes({ passkey })).toEqual(["passkey"]);
    });

    it("counts nothing without a key", () => {
      expect(
        usableCredentialTypes({ passkey: { type: "passkey", ...meta, config: { credentials: [] } } }),
      ).toEqual([]);
      expect(
        usableCredentialTypes({ passkey: { type: "passkey", ...meta, config: { credentials: null } } }),
      ).toEqual([]);
      expect(usableCredentialTypes({ passkey: { type: "passkey", ...meta } })).toEqual([]);
    });
  });

  it('lists "passkey" once when both a passkey entry and passwordless webauthn keys exist', () => {
    const passkey = { type: "passkey", ...meta, config: { credentials: [key(true)] } };
    const webauthn = { type: "webauthn", ...meta, config: { credentials: [key(true, "b")] } };
    expect(usableCredentialTypes({ passkey, webauthn })).toEqual(["passkey"]);
  });

  it("reads a typical password + TOTP + empty webauthn identity", () => {
    expect(usableCredentialTypes({ password, totp, webauthn: emptyWebauthn, code })).toEqual([
      "password",
      "totp",
      "code",
    ]);
  });
});

describe("linkedOidcProviders", () => {
  it("reads each provider once from the oidc credential's `<provider>:<subject>` identifiers", () => {
    expect(
      linkedOidcProviders({
        password: { identifiers: ["a@example.test"] },
        oidc: { identifiers: ["local:a@example.test", "github:123", "local:other"] },
      }),
    ).toEqual(["local", "github"]);
  });

  it("is empty without an oidc credential or identifiers", () => {
    expect(linkedOidcProviders(undefined)).toEqual([]);
    expect(linkedOidcProviders({ password: {} })).toEqual([]);
    expect(linkedOidcProviders({ oidc: { identifiers: ["no-colon"] } })).toEqual([]);
  });
});
