// Server-side calls to Kratos. Every call has a timeout; a network failure or timeout
// becomes KratosUnavailableError, which pages and routes turn into a 503 with retry.
import "server-only";
import type { FlowError, Identity, LogoutFlow, Session } from "@ory/client-fetch";
import { getConfig } from "@/lib/config";
import { KratosUnavailableError, KratosResponseError } from "@/lib/kratos/errors";
import type { FlowByKind, FlowKind } from "@/lib/kratos/flows";
import { kratosUrl } from "@/lib/kratos/urls";
import { kratosRequest } from "@/lib/kratos/transport";
import { linkedOidcProviders, usableCredentialTypes } from "@/lib/kratos/credentials";
import { credentialFacts, type CredentialFacts } from "@/lib/kratos/settingsStatus";
import { credentialHeaders, type Credential } from "@/lib/policy/credential";

// A submission may be half done when it is cut off (Kratos writes, hashes, sends mail), so it
// gets more time than a read before the app gives up and answers 503.
const SUBMISSION_TIMEOUT_FACTOR = 3;

export interface CallInit {
  method?: string;
  headers?: Headers | Record<string, string>;
  body?: string;
}

async function call(url: URL, init: CallInit = {}): Promise<Response> {
  const method = (init.method ?? "GET").toUpperCase();
  const base = getConfig().kratosTimeoutMs;
  const timeoutMs = method === "GET" || method === "HEAD" ? base : base * SUBMISSION_TIMEOUT_FACTOR;
  try {
    return await kratosRequest(url, {
      method,
      headers: new Headers(init.headers),
      body: init.body,
      timeoutMs,
    });
  } catch (err) {
    throw new KratosUnavailableError(err);
  }
}

/** Forwards a request to Kratos public as it is (the BFF's upstream call). */
export function forwardToPublic(path: string, search: string, init: CallInit): Promise<Response> {
  return call(kratosUrl(getConfig().kratosPublicUrl, path, search), init);
}

/**
 * Calls Kratos public with the request's one credential (lib/policy/credential.ts) in the header it
 * came in, or with the browser's cookies (a flow also needs its CSRF cookie).
 */
function publicCall(
  pathAndQuery: string,
  sent: Record<string, string> = {},
  method = "GET",
): Promise<Response> {
  const headers = new Headers({ ...sent, accept: "application/json" });
  const [path = "", query = ""] = pathAndQuery.split("?", 2);
  return call(kratosUrl(getConfig().kratosPublicUrl, path, query ? `?${query}` : ""), { headers, method });
}

function adminCall(path: string, search = "", method = "GET"): Promise<Response> {
  return call(kratosUrl(getConfig().kratosAdminUrl, path, search), {
    headers: { accept: "application/json" },
    method,
  });
}

async function json<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new KratosResponseError(res.status, body);
  return body as T;
}

export async function getFlow<K extends FlowKind>(
  kind: K,
  id: string,
  cookie: string | null,
): Promise<FlowByKind[K]> {
  const res = await publicCall(
    `self-service/${kind}/flows?id=${encodeURIComponent(id)}`,
    cookie ? { cookie } : {},
  );
  return json<FlowByKind[K]>(res);
}

/** The session behind a credential, or null when there is none (no credential, or Kratos's 401). */
export async function whoami(credential: Credential): Promise<Session | null> {
  if (credential.type === "none") return null;
  const res = await publicCall("sessions/whoami", credentialHeaders(credential));
  if (res.status === 401) return null;
  return json<Session>(res);
}

export async function getFlowError(id: string): Promise<FlowError> {
  const res = await publicCall(`self-service/errors?id=${encodeURIComponent(id)}`);
  return json<FlowError>(res);
}

export async function createLogoutFlow(credential: Credential): Promise<LogoutFlow | null> {
  const res = await publicCall("self-service/logout/browser", credentialHeaders(credential));
  if (res.status === 401) return null;
  return json<LogoutFlow>(res);
}

/**
 * An identity from the admin API with the configs of `types` decrypted. Only what a caller
 * needs is asked for: WebAuthn and passkey configs are public keys; lookup_secret (the settings'
 * "backup codes left") stays on the server, and TOTP and OIDC configs are never asked for.
 */
async function adminIdentity(identityId: string, types: readonly string[]): Promise<Identity> {
  const url = kratosUrl(
    getConfig().kratosAdminUrl,
    `admin/identities/${encodeURIComponent(identityId)}`,
    `?${types.map((t) => `include_credential=${t}`).join("&")}`,
  );
  return json<Identity>(await call(url, { headers: { accept: "application/json" } }));
}

/** What the factor policy reads of an identity: usable credential types, linked OIDC providers. */
export interface UsableCredentials {
  credentialTypes: string[];
  oidcProviders: string[];
}

/** The credential types an identity can really use (the configs tell empty entries apart). */
export async function getUsableCredentials(identityId: string): Promise<UsableCredentials> {
  const identity = await adminIdentity(identityId, ["webauthn", "passkey"]);
  const credentials = identity.credentials as
    Record<string, { config?: unknown; identifiers?: string[] }> | undefined;
  return {
    credentialTypes: usableCredentialTypes(credentials),
    oidcProviders: linkedOidcProviders(credentials),
  };
}

/** What the settings sections say is set up, from the identity's credentials (admin API). */
export async function getCredentialFacts(identityId: string): Promise<CredentialFacts> {
  const identity = await adminIdentity(identityId, ["webauthn", "passkey", "lookup_secret"]);
  return credentialFacts(identity.credentials as Parameters<typeof credentialFacts>[0]);
}

// One page is plenty for a person's devices; Kratos allows up to 1000 per page.
const SESSIONS_PAGE_SIZE = 250;

/** The caller's other active sessions (Kratos leaves the current one out); null when signed out. */
export async function listMyOtherSessions(credential: Credential): Promise<Session[] | null> {
  const res = await publicCall(`sessions?page_size=${SESSIONS_PAGE_SIZE}`, credentialHeaders(credential));
  if (res.status === 401) return null;
  return json<Session[]>(res);
}

/**
 * Ends one of the caller's other sessions. Kratos answers 204 for an id that is not theirs too
 * (it reveals nothing), and 400 for the current session or a malformed id.
 */
export async function revokeMyOtherSession(
  credential: Credential,
  sessionId: string,
): Promise<"done" | "signed_out"> {
  const res = await publicCall(
    `sessions/${encodeURIComponent(sessionId)}`,
    credentialHeaders(credential),
    "DELETE",
  );
  if (res.status === 401) return "signed_out";
  if (res.status !== 204) await json(res);
  return "done";
}

/** Ends every session of the caller but the current one; null when signed out. */
export async function revokeAllMyOtherSessions(credential: Credential): Promise<{ count: number } | null> {
  const res = await publicCall("sessions", credentialHeaders(credential), "DELETE");
  if (res.status === 401) return null;
  return json<{ count: number }>(res);
}

/** The ids of an identity's active sessions (admin API). */
export async function activeSessionIdsOf(identityId: string): Promise<string[]> {
  const res = await adminCall(
    `admin/identities/${encodeURIComponent(identityId)}/sessions`,
    `?active=true&page_size=${SESSIONS_PAGE_SIZE}`,
  );
  return (await json<Session[]>(res)).map((s) => s.id);
}

/** Deletes an identity with its credentials and sessions (admin API); an unknown id is not an error. */
export async function deleteIdentity(identityId: string): Promise<void> {
  const res = await adminCall(`admin/identities/${encodeURIComponent(identityId)}`, "", "DELETE");
  if (res.status !== 204 && res.status !== 404) await json(res);
}
