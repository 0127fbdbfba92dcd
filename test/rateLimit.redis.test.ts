// The rate limiter against a real Redis (127.0.0.1:6379, or REDIS_TEST_URL); skipped when no
// Redis answers. Also checks the fallback to memory when Redis is unreachable.
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { REDIS_URL, baseEnv, redisUp } from "./redisTestServer";
import { RATE_LIMITS } from "@/lib/policy/rateLimitRules";

async function freshLimiter(redisUrl: string) {
  vi.resetModules();
  for (const [k, v] of Object.entries({ ...baseEnv, REDIS_URL: redisUrl })) vi.stubEnv(k, v);
  return import("@/lib/bff/rateLimiter");
}

describe("rate limiter with Redis", async () => {
  const up = await redisUp();
  beforeEach(() => vi.unstubAllEnvs());
  afterEach(() => vi.unstubAllEnvs());

  it.skipIf(!up)("limits an account after its points, shared through Redis", async () => {
    const key = `it-${randomBytes(6).toString("hex")}@example.test`;
    const first = await freshLimiter(REDIS_URL);
    for (let i = 0; i < RATE_LIMITS.account.points; i++) {
      expect(await first.consume([{ bucket: "account", key }])).toEqual({ limited: false });
    }
    // A second "instance" (fresh module, new Redis client) sees the same counter.
    const second = await freshLimiter(REDIS_URL);
    const res = await second.consume([{ bucket: "account", key }]);
    expect(res).toMatchObject({ limited: true, bucket: "account" });
    expect(res.limited && res.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("falls back to an in-memory limiter when Redis is unreachable", async () => {
    const limiter = await freshLimiter("redis://127.0.0.1:1/0");
    const key = `down-${randomBytes(6).toString("hex")}`;
    for (let i = 0; i < RATE_LIMITS.address.points; i++) {
      expect(await limiter.consume([{ bucket: "address", key }])).toEqual({ limited: false });
    }
    expect(await limiter.consume([{ bucket: "address", key }])).toMatchObject({
      limited: true,
      bucket: "address",
    });
  });
});
