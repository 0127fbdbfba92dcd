// Gathers what the access decision needs about the caller's session: from the encrypted
// cache when it is fresh and its session was not ended through this app, otherwise from Kratos
// (whoami + the identity's credential types).
import "server-only";
import type { SessionFacts } from "@/lib/policy/access";
import type { Credential } from "@/lib/policy/credential";
import type { AmrEntry } from "@/lib/policy/factors";
import { getConfig } from "@/lib/config";
import { getUsableCredentials, whoami } from "@/lib/kratos/client";
import { readCache, sealCache } from "@/lib/session/cache";
import { mayBeRevoked } from "@/lib/session/revocations";
import type { Session } from "@ory/client-fetch";

/** The session's AMR as the factor policy reads it (the provider tells OIDC sign-ins apart). */
export function amrOf(session: Session): AmrEntry[] {
  return (session.authentication_methods ?? []).map((m) => ({
    method: m.method,
    aal: m.aal,
    ...(m.provider ? { provider: m.provider } : {}),
  }));
}

export async function factsOf(session: Session): Promise<SessionFacts> {
  return {
    kratosAal: session.authenticator_assurance_level ?? "aal0",
    amr: amrOf(session),
    ...(session.identity
      ? await getUsableCredentials(session.identity.id)
      : { credentialTypes: [], oidcProviders: [] }),
  };
}

export interface CookieSessionResult {
  facts: SessionFacts | null;
  /** A fresh sealed cache value to set, when Kratos was asked. */
  sealed?: string;
}

/**
 * The browser's session, through the cache (`sealedCache`, the cache cookie's value), which is
 * bound to the request's one session cookie. No session cookie means no session, no call.
 */
export async function cookieSessionFacts(
  credential: Extract<Credential, { type: "none" | "cookie" }>,
  sealedCache: string | undefined,
): Promise<CookieSessionResult> {
  const cfg = getConfig();
  if (credential.type === "none") return { facts: null };
  const kratosCookie = credential.value;
  if (cfg.sessionCacheTtlSeconds > 0) {
    const cached = await readCache(sealedCache, kratosCookie, cfg.sessionSecret);
    if (cached && !(await mayBeRevoked(cached.sessionId))) return { facts: cached.facts };
  }
  const session = await whoami(credential);
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
export async function tokenSessionFacts(
  credential: Extract<Credential, { type: "token" }>,
): Promise<SessionFacts | null> {
  const session = await whoami(credential);
  return session ? factsOf(session) : null;
}
