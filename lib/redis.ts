// The Redis that instances share (REDIS_URL), for rate-limit counters and session revocations.
// One client per module graph; none without REDIS_URL.
import "server-only";
import type { Redis } from "ioredis";
import { getConfig } from "@/lib/config";

const REDIS_CONNECT_WAIT_MS = 1000;

let client: Promise<Redis | null> | undefined;

async function connect(url: string): Promise<Redis> {
  const { Redis } = await import("ioredis");
  // No offline queue: while Redis is away, calls fail at once and each caller's fallback answers.
  const redis = new Redis(url, { enableOfflineQueue: false });
  redis.on("error", () => undefined); // ioredis reconnects by itself; the fallbacks cover the gap.
  await new Promise<void>((resolve) => {
    const t = setTimeout(resolve, REDIS_CONNECT_WAIT_MS);
    redis.once("ready", () => (clearTimeout(t), resolve()));
  });
  return redis;
}

/** The shared Redis client, or null when REDIS_URL is not set. */
export function sharedRedis(): Promise<Redis | null> {
  const { redisUrl } = getConfig();
  client ??= redisUrl ? connect(redisUrl) : Promise.resolve(null);
  return client;
}
