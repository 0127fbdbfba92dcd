// The revocation markers (lib/session/revocations.ts): shared between "instances" through a real
// Redis (127.0.0.1:6379, or REDIS_TEST_URL; skipped when none answers), kept in memory without
// one, and "maybe revoked" (so Kratos is asked) when Redis cannot answer.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { REDIS_URL, baseEnv, redisUp } from "./redisTestServer";

const STORE = Symbol.for("kratos-bff.revokedSessions");

/** A fresh "instance": new modules, new Redis client, empty process memory. */
async function instance(env: Record<string, string>) {
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[STORE];
  for (const [k, v] of Object.entries({ ...baseEnv, ...env })) vi.stubEnv(k, v);
  return import("@/lib/session/revocations");
}

describe("session revocation markers", async () => {
  const up = await redisUp();
  beforeEach(() => vi.unstubAllEnvs());
  afterEach(() => vi.unstubAllEnvs());

  it.skipIf(!up)("a session marked on one instance is revoked on another, through Redis", async () => {
    const id = randomUUID();
    const a = await instance({ REDIS_URL });
    expect(await a.mayBeRevoked(id)).toBe(false);
    await a.markRevoked([id]);
    const b = await instance({ REDIS_URL });
    expect(await b.mayBeRevoked(id)).toBe(true);
    expect(await b.mayBeRevoked(randomUUID())).toBe(false);
  });

  it("without Redis, only the instance that marked it knows", async () => {
    const id = randomUUID();
    const a = await instance({});
    await a.markRevoked([id]);
    expect(await a.mayBeRevoked(id)).toBe(true);
    expect(await a.mayBeRevoked(randomUUID())).toBe(false);
    const b = await instance({});
    expect(await b.mayBeRevoked(id)).toBe(false);
  });

  it("forgets a marker once no cache entry can be older than it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const id = randomUUID();
      const a = await instance({ SESSION_CACHE_TTL_SECONDS: "10" });
      await a.markRevoked([id]);
      vi.setSystemTime(Date.now() + 14_000);
      expect(await a.mayBeRevoked(id)).toBe(true);
      vi.setSystemTime(Date.now() + 2_000);
      expect(await a.mayBeRevoked(id)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it("when Redis cannot answer, every cached session counts as maybe revoked (Kratos decides)", async () => {
    const a = await instance({ REDIS_URL: "redis://127.0.0.1:1/0" });
    const id = randomUUID();
    await a.markRevoked([id]); // does not throw
    expect(await a.mayBeRevoked(id)).toBe(true);
    expect(await a.mayBeRevoked(randomUUID())).toBe(true);
  });
});
