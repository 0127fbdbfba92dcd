// Gathers what the access decision needs about the caller's session: from the encrypted
// cache when it is fresh and its session was not ended through this app, otherwise from Kratos
// (whoami + the identity's credential types).
import "server-only";
import type { NextRequest } from "next/server";
import type { SessionFacts } from "@/lib/policy/access";
import { getConfig } from "@/lib/config";
import { getUsableCredentialTypes, whoami } from "@/lib/kratos/client";
import { CACHE_COOKIE, KRATOS_SESSION_COOKIE, readCache, sealCache } from "@/lib/session/cache";
import { mayBeRevoked } from "@/lib/session/revocations";
import type { Session } from "@ory/client-fetch";

export async function factsOf(session: Session): Promise<SessionFacts> {
  return {
    kratosAal: session.authenticator_assurance_level ?? "aal0",
    amr: (session.authentication_methods ?? []).map((m) => ({ method: m.method, aal: m.aal })),
    credentialTypes: session.identity ? await getUsableCredentialTypes(session.identity.id) : [],
  };
}

export interface CookieSessionResult {
  facts: SessionFacts | null;
  /** A fresh sealed cache value to set, when Kratos was asked. */
  sealed?: string;
}

/** The browser's session, through the cache. No Kratos session cookie means no session, no call. */
export async function cookieSessionFacts(req: NextRequest): Promise<CookieSessionResult> {
  const cfg = getConfig();
  const kratosCookie = req.cookies.get(KRATOS_SESSION_COOKIE)?.value;
  if (!kratosCookie) return { facts: null };
  if (cfg.sessionCacheTtlSeconds > 0) {
    const cached = await readCache(req.cookies.get(CACHE_COOKIE)?.value, kratosCookie, cfg.sessionSecret);
    if (cached && !(await mayBeRevoked(cached.sessionId))) return { facts: cached.facts };
  }
  const session = await whoami({ cookie: req.headers.get("cookie") });
  if (!session) return { facts: null };
  const facts = await factsOf(session);
  if (cfg.sessionCacheTtlSeconds === 0) return { facts };
  return {
    facts,
    sealed: await sealCache(
      { sessionId: session.id, facts },
      kratosCookie,
      cfg.sessionSecret,
      cfg.sessionCacheTtlSeconds,
    ),
  };
}

/** An app client's session by its token (never cached: tokens are not tied to a browser). */
export async function tokenSessionFacts(token: string): Promise<SessionFacts | null> {
  const session = await whoami({ sessionToken: token });
  return session ? factsOf(session) : null;
}
