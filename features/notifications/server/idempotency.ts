// Remembers which events were already handled, so that a repeat (Kratos's retry, a replay, two
// instances) sends one mail: SET NX with a TTL in Redis when REDIS_URL is set (shared by every
// instance), else this process's memory.
import type { Redis } from "ioredis";

export interface SeenStore {
  /** True the first time `key` is seen within `ttlSeconds`. */
  firstTime(key: string, ttlSeconds: number): Promise<boolean>;
}

export function memorySeen(now: () => number = Date.now): SeenStore {
  const seen = new Map<string, number>();
  return {
    async firstTime(key, ttlSeconds) {
      const t = now();
      for (const [k, until] of seen) if (until <= t) seen.delete(k);
      if (seen.has(key)) return false;
      seen.set(key, t + ttlSeconds * 1000);
      return true;
    },
  };
}

export function redisSeen(redis: Redis): SeenStore {
  return {
    async firstTime(key, ttlSeconds) {
      return (await redis.set(`notifications:seen:${key}`, "1", "EX", ttlSeconds, "NX")) === "OK";
    },
  };
}
