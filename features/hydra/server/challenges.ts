// Two facts about a Hydra challenge the app keeps itself, because Hydra v2.3's challenges are
// stateless (it answers for a challenge again after it was accepted):
// - which challenges the app has already answered, so that a replayed one is refused;
// - when the app sent the browser to sign in afresh for one (prompt=login, max_age), as a signed
//   mark in the return URL: Hydra does not say when a request was made.
import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { getConfig } from "@/lib/config";
import { sharedRedis } from "@/lib/redis";

const KEY_PREFIX = "hydra-used-challenge:";
// Longer than Hydra's login and consent request lifetime (ttl.login_consent_request, 30 min).
const USED_TTL_SECONDS = 3600;
const STORE = Symbol.for("kratos-bff.usedHydraChallenges");
type Store = Map<string, number>;

function memory(): Store {
  const g = globalThis as { [STORE]?: Store };
  g[STORE] ??= new Map();
  return g[STORE];
}

const digest = (challenge: string) => createHash("sha256").update(challenge).digest("base64url");

/** Remembers that the app answered this challenge (accepted or rejected it). */
export async function markAnswered(challenge: string): Promise<void> {
  const key = digest(challenge);
  const store = memory();
  const now = Date.now();
  for (const [k, until] of store) if (until <= now) store.delete(k);
  store.set(key, now + USED_TTL_SECONDS * 1000);
  const redis = await sharedRedis();
  try {
    await redis?.set(`${KEY_PREFIX}${key}`, "1", "EX", USED_TTL_SECONDS);
  } catch {
    // Redis away: this instance still refuses the replay; Hydra refuses a replayed verifier anyway.
  }
}

/** True when the app has answered this challenge before. */
export async function wasAnswered(challenge: string): Promise<boolean> {
  const key = digest(challenge);
  const until = memory().get(key);
  if (until !== undefined && until > Date.now()) return true;
  const redis = await sharedRedis();
  if (!redis) return false;
  try {
    return (await redis.exists(`${KEY_PREFIX}${key}`)) === 1;
  } catch {
    return false;
  }
}

function mac(challenge: string, ms: number): string {
  return createHmac("sha256", getConfig().sessionSecret)
    .update(`hydra-fresh-sign-in\n${digest(challenge)}\n${ms}`)
    .digest("base64url");
}

/** A mark that this challenge's fresh sign-in was asked for at `at`. */
export function freshMark(challenge: string, at: Date): string {
  return `${at.getTime()}.${mac(challenge, at.getTime())}`;
}

/** When the mark says the fresh sign-in was asked for, if it is this app's mark for this challenge. */
export function readFreshMark(challenge: string, mark: string | null): Date | undefined {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(mark ?? "");
  if (!m) return undefined;
  const ms = Number(m[1]);
  const expected = Buffer.from(mac(challenge, ms));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? new Date(ms) : undefined;
}
