// A short-lived, encrypted cache of the session check (iron-session), so proxy.ts
// does not call Kratos on every navigation. Bound to the request's one Kratos session cookie (the
// one lib/policy/credential.ts resolves, which is the one Kratos reads): a new or cleared Kratos
// cookie invalidates it at once. It names the Kratos session it describes, so that
// a session ended through this app (lib/session/revocations.ts) is not trusted from it. A session
// revoked elsewhere (admin API, Kratos directly) stays usable here for up to the TTL; set
// SESSION_CACHE_TTL_SECONDS=0 to check with Kratos on every request.
import { createHash } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import type { SessionFacts } from "@/lib/policy/access";

export const CACHE_COOKIE = "session_check";

interface Cached {
  bind: string;
  exp: number;
  /** The Kratos session id. */
  sid: string;
  facts: SessionFacts;
}

export interface CachedCheck {
  sessionId: string;
  facts: SessionFacts;
}

/** A digest of the Kratos session cookie, so the cache never outlives the session it describes. */
export function bindingOf(kratosSessionCookie: string): string {
  return createHash("sha256").update(kratosSessionCookie).digest("base64url");
}

export async function readCache(
  sealed: string | undefined,
  kratosSessionCookie: string,
  password: string,
): Promise<CachedCheck | null> {
  if (!sealed) return null;
  try {
    const data = await unsealData<Partial<Cached>>(sealed, { password });
    if (
      !data.facts ||
      !data.sid ||
      data.bind !== bindingOf(kratosSessionCookie) ||
      !data.exp ||
      data.exp < Date.now()
    )
      return null;
    return { sessionId: data.sid, facts: data.facts };
  } catch {
    return null;
  }
}

export async function sealCache(
  check: CachedCheck,
  kratosSessionCookie: string,
  password: string,
  ttlSeconds: number,
) {
  const value: Cached = {
    bind: bindingOf(kratosSessionCookie),
    exp: Date.now() + ttlSeconds * 1000,
    sid: check.sessionId,
    facts: check.facts,
  };
  return sealData(value, { password, ttl: ttlSeconds + 60 });
}

/** Set-Cookie attributes for the cache cookie (HttpOnly, SameSite=Lax, Secure on https). */
export function cacheCookieOptions(secure: boolean, maxAgeSeconds: number) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge: maxAgeSeconds };
}

/** A Set-Cookie header value that deletes the cache cookie. */
export function clearCacheCookieHeader(secure: boolean): string {
  return `${CACHE_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
