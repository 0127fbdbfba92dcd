import { randomBytes } from "node:crypto";
import { sealData } from "iron-session";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SessionFacts } from "@/lib/policy/access";
import {
  CACHE_COOKIE,
  bindingOf,
  cacheCookieOptions,
  clearCacheCookieHeader,
  readCache,
  sealCache,
} from "@/lib/session/cache";

const PASSWORD = randomBytes(32).toString("base64url"); // 43 characters
const OTHER_PASSWORD = randomBytes(32).toString("base64url");
const KRATOS_COOKIE = "MTczNjAwMDAwMHxEWDhFQVFMX2dBQUJFQUVRQUFCZl80QUFBUVp6ZEhKcGJtY01Dd0FKYzJWemMybHZibDkw";
const OTHER_KRATOS_COOKIE =
  "MTczNjAwMDAwMXxEWDhFQVFMX2dBQUJFQUVRQUFCZl80QUFBUVp6ZEhKcGJtY01Dd0FKYzJWemMybHZibDkx";

const FACTS: SessionFacts = {
  kratosAal: "aal2",
  amr: [
    { method: "password", aal: "aal1" },
    { method: "totp", aal: "aal2" },
  ],
  credentialTypes: ["password", "totp", "code"],
};

const SID = "5f1c2a7e-9b3d-4e8f-a1c6-0d2b4f6e8a19";
const CHECK = { sessionId: SID, facts: FACTS };

afterEach(() => {
  vi.useRealTimers();
});

describe("constants", () => {
  it("names the cache cookie", () => {
    expect(CACHE_COOKIE).toBe("session_check");
  });
});

describe("bindingOf", () => {
  it("is a deterministic base64url SHA-256 digest of the cookie", () => {
    expect(bindingOf(KRATOS_COOKIE)).toBe(bindingOf(KRATOS_COOKIE));
    expect(bindingOf(KRATOS_COOKIE)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(bindingOf(KRATOS_COOKIE)).not.toContain(KRATOS_COOKIE.slice(0, 10));
  });

  it("differs between cookies", () => {
    expect(bindingOf(KRATOS_COOKIE)).not.toBe(bindingOf(OTHER_KRATOS_COOKIE));
  });
});

describe("sealCache / readCache", () => {
  it("returns the facts for the Kratos cookie they were sealed for", async () => {
    const sealed = await sealCache(CHECK, KRATOS_COOKIE, PASSWORD, 30);
    expect(await readCache(sealed, KRATOS_COOKIE, PASSWORD)).toEqual(CHECK);
  });

  it("does not reveal the facts or the Kratos cookie in the sealed value", async () => {
    const sealed = await sealCache(CHECK, KRATOS_COOKIE, PASSWORD, 30);
    expect(sealed).not.toContain("password");
    expect(sealed).not.toContain("totp");
    expect(sealed).not.toContain(KRATOS_COOKIE);
    expect(sealed).not.toContain(bindingOf(KRATOS_COOKIE));
    expect(sealed).not.toContain(SID);
  });

  it("returns null for another Kratos session cookie", async () => {
    const sealed = await sealCache(CHECK, KRATOS_COOKIE, PASSWORD, 30);
    expect(await readCache(sealed, OTHER_KRATOS_COOKIE, PASSWORD)).toBeNull();
    expect(await readCache(sealed, "", PASSWORD)).toBeNull();
  });

  it("returns null once the TTL has passed, and the facts before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2025-06-01T12:00:00Z");
    vi.setSystemTime(start);
    const sealed = await sealCache(CHECK, KRATOS_COOKIE, PASSWORD, 1);

    vi.setSystemTime(start.getTime() + 500);
    expect(await readCache(sealed, KRATOS_COOKIE, PASSWORD)).toEqual(CHECK);

    // Past the app's own expiry, though still inside iron's ttl (TTL + 60 s).
    vi.setSystemTime(start.getTime() + 5_000);
    expect(await readCache(sealed, KRATOS_COOKIE, PASSWORD)).toBeNull();

    // Past iron's ttl as well.
    vi.setSystemTime(start.getTime() + 120_000);
    expect(await readCache(sealed, KRATOS_COOKIE, PASSWORD)).toBeNull();
  });

  it("returns null for a missing, empty or garbage value", async () => {
    expect(await readCache(undefined, KRATOS_COOKIE, PASSWORD)).toBeNull();
    expect(await readCache("", KRATOS_COOKIE, PASSWORD)).toBeNull();
    expect(await readCache("garbage", KRATOS_COOKIE, PASSWORD)).toBeNull();
    expect(await readCache("Fe26.2**a*b*c*d*e*f*g~2", KRATOS_COOKIE, PASSWORD)).toBeNull();
  });

  it("returns null for a tampered value", async () => {
    const sealed = await sealCache(CHECK, KRATOS_COOKIE, PASSWORD, 30);
    const parts = sealed.split("*");
    // Flip one character of the encrypted payload (the fifth field of an iron seal).
    const payload = parts[4]!;
    parts[4] = (payload[0] === "A" ? "B" : "A") + payload.slice(1);
    expect(await readCache(parts.join("*"), KRATOS_COOKIE, PASSWORD)).toBeNull();
  });

  it("returns null with the wrong password", async () => {
    const sealed = await sealCache(CHECK, KRATOS_COOKIE, PASSWORD, 30);
    expect(await readCache(sealed, KRATOS_COOKIE, OTHER_PASSWORD)).toBeNull();
  });

  it("returns null (does not throw) with a password too short for iron", async () => {
    const sealed = await sealCache(CHECK, KRATOS_COOKIE, PASSWORD, 30);
    expect(await readCache(sealed, KRATOS_COOKIE, "short")).toBeNull();
  });

  it("returns null for a value sealed with the right password but the wrong shape", async () => {
    const exp = Date.now() + 60_000;
    const bind = bindingOf(KRATOS_COOKIE);
    const sid = SID;
    const noFacts = await sealData({ bind, exp, sid }, { password: PASSWORD });
    const noExp = await sealData({ bind, sid, facts: FACTS }, { password: PASSWORD });
    const noBind = await sealData({ exp, sid, facts: FACTS }, { password: PASSWORD });
    const noSid = await sealData({ bind, exp, facts: FACTS }, { password: PASSWORD });
    for (const sealed of [noFacts, noExp, noBind, noSid]) {
      expect(await readCache(sealed, KRATOS_COOKIE, PASSWORD)).toBeNull();
    }
    // The same value with every field is accepted, so the cases above fail for the missing field.
    const complete = await sealData({ bind, exp, sid, facts: FACTS }, { password: PASSWORD });
    expect(await readCache(complete, KRATOS_COOKIE, PASSWORD)).toEqual(CHECK);
  });
});

describe("cacheCookieOptions", () => {
  it("is HttpOnly, SameSite=Lax, site-wide, with the given max age", () => {
    expect(cacheCookieOptions(true, 30)).toEqual({
      httpOnly: true,
      sameSite: "lax",
      secure: true,
      path: "/",
      maxAge: 30,
    });
    expect(cacheCookieOptions(false, 5).secure).toBe(false);
  });
});

describe("clearCacheCookieHeader", () => {
  it("deletes the cache cookie site-wide", () => {
    const h = clearCacheCookieHeader(false);
    expect(h.startsWith(`${CACHE_COOKIE}=;`)).toBe(true);
    const attrs = h.split(";").map((s) => s.trim());
    expect(attrs).toContain("Max-Age=0");
    expect(attrs).toContain("Path=/");
    expect(attrs).toContain("HttpOnly");
    expect(attrs).toContain("SameSite=Lax");
  });

  it("adds Secure only when asked", () => {
    expect(
      clearCacheCookieHeader(false)
        .split(";")
        .map((s) => s.trim()),
    ).not.toContain("Secure");
    expect(
      clearCacheCookieHeader(true)
        .split(";")
        .map((s) => s.trim()),
    ).toContain("Secure");
  });
});
