import { describe, expect, it } from "vitest";
import type { RateLimitRule } from "@/lib/policy/bffRoutes";
import { clientIpOf, rateLimitKeys } from "@/lib/policy/rateLimitRules";

const form = (o: Record<string, string>) => new URLSearchParams(o);
const ID = "8d2f0a4e-1c3b-4f5d-9e7a-6b8c0d2e4f61";

describe("rateLimitKeys", () => {
  const login = { account: true };
  const emails = { address: true };

  it("counts password sign-ins per identifier, case-insensitively", () => {
    expect(rateLimitKeys(login, form({ identifier: " Ada@Example.test ", password: "x" }), {})).toEqual([
      { bucket: "account", key: "id:ada@example.test" },
    ]);
  });

  it("counts every spelling Kratos reads as one account or address in its one bucket", () => {
    const key = (rule: RateLimitRule, field: string, value: string) =>
      rateLimitKeys(rule, { [field]: value }, {})[0]?.key;
    for (const spelling of ["kilim@x.test", "\u0085K\u0130L\u0130M@X.TEST", " \u212ailim@x.test\u3000"]) {
      expect(key(login, "identifier", spelling), spelling).toBe("id:kilim@x.test");
      expect(key(emails, "email", spelling), spelling).toBe("kilim@x.test");
    }
    // Kratos keeps U+FEFF (JS's trim() would drop it): another account, another bucket.
    expect(key(login, "identifier", "\ufeffkilim@x.test")).toBe("id:\ufeffkilim@x.test");
  });

  it("counts the legacy password_identifier as the same account (Kratos falls back to it)", () => {
    expect(rateLimitKeys(login, { password_identifier: "ADA@example.test", password: "x" }, {})).toEqual([
      { bucket: "account", key: "id:ada@example.test" },
    ]);
    expect(
      rateLimitKeys(login, form({ identifier: "", password_identifier: "ada@example.test" }), {}),
    ).toEqual([{ bucket: "account", key: "id:ada@example.test" }]);
  });

  it("gives a form and a JSON body of one sign-in the same key", () => {
    const a = rateLimitKeys(login, form({ identifier: "ada@example.test", password: "x" }), {});
    const b = rateLimitKeys(login, { identifier: "ada@example.test", password: "x" }, {});
    expect(a).toEqual(b);
  });

  it("counts second-factor and refresh steps per the session's identity", () => {
    const steps: Record<string, string>[] = [
      { method: "totp", totp_code: "123456" },
      { method: "lookup_secret", lookup_secret: "abcd1234" },
      { method: "webauthn", webauthn_login: "{}" },
      { method: "code", code: "123456" },
      { method: "password", password: "x" },
    ];
    for (const step of steps) {
      expect(rateLimitKeys(login, form(step), { identityId: ID })).toEqual([
        { bucket: "account", key: `identity:${ID}` },
      ]);
    }
  });

  it("lets no body field move a second-factor step out of the identity's bucket", () => {
    const extras: Record<string, string>[] = [
      { identifier: "random-1@x.test" },
      { password_identifier: "random-2@x.test" },
      { identifier: "", password_identifier: "" },
    ];
    for (const extra of extras) {
      const keys = rateLimitKeys(login, form({ method: "totp", totp_code: "1", ...extra }), {
        identityId: ID,
      });
      expect(keys).toContainEqual({ bucket: "account", key: `identity:${ID}` });
    }
  });

  it("also counts an identifier sent with a session (a password at refresh is checked against it)", () => {
    expect(
      rateLimitKeys(login, form({ method: "password", identifier: "Ada@x.test", password: "x" }), {
        identityId: ID,
      }),
    ).toEqual([
      { bucket: "account", key: "id:ada@x.test" },
      { bucket: "account", key: `identity:${ID}` },
    ]);
  });

  it("caps the attempts per flow when the rule says so", () => {
    const rule = { account: true, flow: true };
    expect(rateLimitKeys(rule, form({ identifier: "a@x.test" }), { flowId: "f1" })).toEqual([
      { bucket: "account", key: "id:a@x.test" },
      { bucket: "flow", key: "f1" },
    ]);
    expect(rateLimitKeys(rule, form({ method: "totp" }), { identityId: ID, flowId: "f2" })).toEqual([
      { bucket: "account", key: `identity:${ID}` },
      { bucket: "flow", key: "f2" },
    ]);
    expect(rateLimitKeys(login, form({ identifier: "a@x.test" }), { flowId: "f1" })).toEqual([
      { bucket: "account", key: "id:a@x.test" },
    ]);
    expect(rateLimitKeys(rule, form({ identifier: "a@x.test" }), {})).toEqual([
      { bucket: "account", key: "id:a@x.test" },
    ]);
  });

  it("counts recovery and verification emails per address, JSON bodies too", () => {
    expect(rateLimitKeys(emails, { email: "A@x.test", method: "code" }, {})).toEqual([
      { bucket: "address", key: "a@x.test" },
    ]);
    expect(rateLimitKeys(emails, form({ email: "b@x.test" }), {})).toEqual([
      { bucket: "address", key: "b@x.test" },
    ]);
  });

  it("adds the client address when one is known, and only that without a bucket rule", () => {
    expect(rateLimitKeys({}, form({ identifier: "a@x.test" }), { clientIp: "203.0.113.9" })).toEqual([
      { bucket: "ip", key: "203.0.113.9" },
    ]);
  });

  it("a submission without identifier or session draws from no account bucket", () => {
    expect(rateLimitKeys(login, form({}), {})).toEqual([]);
  });
});

describe("clientIpOf", () => {
  const h = new Headers({ "x-forwarded-for": "198.51.100.7, 10.0.0.1" });
  it("ignores X-Forwarded-For unless a trusted proxy sets it", () => {
    expect(clientIpOf(h, false)).toBeUndefined();
    expect(clientIpOf(h, true)).toBe("198.51.100.7");
    expect(clientIpOf(new Headers(), true)).toBeUndefined();
  });
});
