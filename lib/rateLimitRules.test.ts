import { describe, expect, it } from "vitest";
import { clientIpOf, rateLimitKeys } from "@/lib/rateLimitRules";

const form = (o: Record<string, string>) => new URLSearchParams(o);

describe("rateLimitKeys", () => {
  it("counts password sign-ins per identifier, case-insensitively", () => {
    expect(
      rateLimitKeys("self-service/login", form({ identifier: " Ada@Example.test ", password: "x" }), {}),
    ).toEqual([{ bucket: "account", key: "id:ada@example.test" }]);
  });

  it("counts second-factor and refresh steps (no identifier) per session", () => {
    expect(
      rateLimitKeys("self-service/login", form({ method: "totp", totp_code: "123456" }), {
        sessionKey: "abc",
      }),
    ).toEqual([{ bucket: "account", key: "session:abc" }]);
  });

  it("counts recovery and verification emails per address, JSON bodies too", () => {
    expect(rateLimitKeys("self-service/recovery", { email: "A@x.test", method: "code" }, {})).toEqual([
      { bucket: "address", key: "a@x.test" },
    ]);
    expect(rateLimitKeys("self-service/verification", form({ email: "b@x.test" }), {})).toEqual([
      { bucket: "address", key: "b@x.test" },
    ]);
  });

  it("adds the client address when one is known, and nothing for other paths", () => {
    expect(rateLimitKeys("self-service/registration", form({}), { clientIp: "203.0.113.9" })).toEqual([
      { bucket: "ip", key: "203.0.113.9" },
    ]);
    expect(rateLimitKeys("self-service/login/browser", null, { clientIp: "203.0.113.9" })).toEqual([]);
    expect(rateLimitKeys("sessions/whoami", null, { clientIp: "203.0.113.9" })).toEqual([]);
  });

  it("a code entry without identifier or session draws from no account bucket", () => {
    expect(rateLimitKeys("self-service/login", null, {})).toEqual([]);
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
