import { describe, expect, it } from "vitest";
import type { RateLimitRule } from "@/lib/policy/bffRoutes";
import { clientIpOf, rateLimitKeys } from "@/lib/policy/rateLimitRules";

const form = (o: Record<string, string>) => new URLSearchParams(o);

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

  it("counts second-factor and refresh steps (no identifier) per session", () => {
    expect(
      rateLimitKeys(login, form({ method: "totp", totp_code: "123456" }), { sessionKey: "abc" }),
    ).toEqual([{ bucket: "account", key: "session:abc" }]);
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

  it("a code entry without identifier or session draws from no account bucket", () => {
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
