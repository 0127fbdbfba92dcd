// Rate limiters for the BFF: in memory for one instance, in Redis (REDIS_URL) when several
// instances share the load. If Redis fails, a per-instance memory limiter takes over.
import "server-only";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { getConfig } from "@/lib/config";
import { sharedRedis } from "@/lib/redis";
import { RATE_LIMITS, type Bucket, type BucketKey } from "@/lib/policy/rateLimitRules";

let limiters: Record<Bucket, RateLimiterAbstract> | undefined;

async function build(): Promise<Record<Bucket, RateLimiterAbstract>> {
  const redis = await sharedRedis();
  const make = (bucket: Bucket) => {
    const { points, durationSeconds: duration } = RATE_LIMITS[bucket];
    const keyPrefix = `rl:${bucket}`;
    const memory = new RateLimiterMemory({ points, duration, keyPrefix });
    return redis
      ? new RateLimiterRedis({ storeClient: redis, points, duration, keyPrefix, insuranceLimiter: memory })
      : memory;
  };
  return { account: make("account"), flow: make("flow"), address: make("address"), ip: make("ip") };
}

export type RateLimitResult =
  { limited: false } | { limited: true; bucket: Bucket; retryAfterSeconds: number };

/** Takes one point from each bucket; limited when any bucket is empty. */
export async function consume(keys: readonly BucketKey[]): Promise<RateLimitResult> {
  if (keys.length === 0 || !getConfig().rateLimits) return { limited: false };
  limiters ??= await build();
  for (const { bucket, key } of keys) {
    try {
      await limiters[bucket].consume(key);
    } catch (res) {
      if (res instanceof RateLimiterRes) {
        return { limited: true, bucket, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
      }
      throw res;
    }
  }
  return { limited: false };
}
