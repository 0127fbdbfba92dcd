// Sessions ended through this app (another device signed out, account deleted), remembered for as
// long as a session-check cache entry can live, so that proxy.ts stops trusting the cache for them
// at once instead of after SESSION_CACHE_TTL_SECONDS.
//
// - With REDIS_URL, the marker is shared by every instance. If Redis cannot answer a check, the
//   check counts as "maybe revoked" and Kratos is asked: a Redis outage costs speed, never safety.
// - Always also kept in this process's memory (on globalThis, so that proxy.ts and the route
//   handlers, bundled separately, see one store). Without Redis that is all there is: enough for
//   one instance; several instances without Redis must set SESSION_CACHE_TTL_SECONDS=0 (docs/security.md).
import "server-only";
import { getConfig } from "@/lib/config";
import { sharedRedis } from "@/lib/redis";

const KEY_PREFIX = "revoked-session:";
// Instances' clocks and a cache entry sealed just before the revocation: a little beyond the TTL.
const MARGIN_SECONDS = 5;

const STORE = Symbol.for("kratos-bff.revokedSessions");
type Store = Map<string, number>;

function memory(): Store {
  const g = globalThis as { [STORE]?: Store };
  g[STORE] ??= new Map();
  return g[STORE];
}

function markerSeconds(): number {
  return getConfig().sessionCacheTtlSeconds + MARGIN_SECONDS;
}

/** Remembers that these Kratos sessions have ended. Never throws: Kratos has already ended them. */
export async function markRevoked(sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length === 0 || getConfig().sessionCacheTtlSeconds === 0) return;
  const seconds = markerSeconds();
  const store = memory();
  const now = Date.now();
  for (const [id, until] of store) if (until <= now) store.delete(id);
  for (const id of sessionIds) store.set(id, now + seconds * 1000);
  const redis = await sharedRedis();
  if (!redis) return;
  try {
    const batch = redis.multi();
    for (const id of sessionIds) batch.set(`${KEY_PREFIX}${id}`, "1", "EX", seconds);
    await batch.exec();
  } catch {
    // Redis away: this instance knows; the others ask Kratos again within the TTL at the latest.
  }
}

/** True when the session was revoked here, or when Redis cannot say (then Kratos decides). */
export async function mayBeRevoked(sessionId: string): Promise<boolean> {
  const until = memory().get(sessionId);
  if (until !== undefined && until > Date.now()) return true;
  const redis = await sharedRedis();
  if (!redis) return false;
  try {
    return (await redis.exists(`${KEY_PREFIX}${sessionId}`)) === 1;
  } catch {
    return true;
  }
}
