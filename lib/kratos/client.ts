// Server-side calls to Kratos. Every call has a timeout; a network failure or timeout
// becomes KratosUnavailableError, which pages and routes turn into a 503 with retry.
import "server-only";
import type { FlowError, Identity, LogoutFlow, Session } from "@ory/client-fetch";
import { getConfig } from "@/lib/config";
import { KratosUnavailableError, KratosResponseError } from "@/lib/kratos/errors";
import type { FlowByKind, FlowKind } from "@/lib/kratos/flows";
import { kratosUrl } from "@/lib/kratos/urls";
import { usableCredentialTypes } from "@/lib/kratos/credentials";

export interface Credentials {
  cookie?: string | null;
  sessionToken?: string | null;
}

// A submission may be half done when it is cut off (Kratos writes, hashes, sends mail), so it
// gets more time than a read before the app gives up and answers 503.
const SUBMISSION_TIMEOUT_FACTOR = 3;

async function call(url: URL, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? "GET").toUpperCase();
  const base = getConfig().kratosTimeoutMs;
  const kratosTimeoutMs = method === "GET" || method === "HEAD" ? base : base * SUBMISSION_TIMEOUT_FACTOR;
  try {
    return await fetch(url, {
      ...init,
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(kratosTimeoutMs),
    });
  } catch (err) {
    throw new KratosUnavailableError(err);
  }
}

/** Forwards a request to Kratos public as it is (the BFF's upstream call). */
export function forwardToPublic(path: string, search: string, init: RequestInit): Promise<Response> {
  return call(kratosUrl(getConfig().kratosPublicUrl, path, search), init);
}

/** Calls Kratos public as the browser (its cookies) or an app client (its session token). */
function publicCall(pathAndQuery: string, creds: Credentials = {}): Promise<Response> {
  const headers = new Headers({ accept: "application/json" });
  if (creds.cookie) headers.set("cookie", creds.cookie);
  if (creds.sessionToken) headers.set("x-session-token", creds.sessionToken);
  const [path = "", query = ""] = pathAndQuery.split("?", 2);
  return call(kratosUrl(getConfig().kratosPublicUrl, path, query ? `?${query}` : ""), { headers });
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
  const res = await publicCall(`self-service/${kind}/flows?id=${encodeURIComponent(id)}`, { cookie });
  return json<FlowByKind[K]>(res);
}

/** The session behind these credentials, or null when there is none (401). */
export async function whoami(creds: Credentials): Promise<Session | null> {
  const res = await publicCall("sessions/whoami", creds);
  if (res.status === 401) return null;
  return json<Session>(res);
}

export async function getFlowError(id: string): Promise<FlowError> {
  const res = await publicCall(`self-service/errors?id=${encodeURIComponent(id)}`);
  return json<FlowError>(res);
}

export async function createLogoutFlow(cookie: string): Promise<LogoutFlow | null> {
  const res = await publicCall("self-service/logout/browser", { cookie });
  if (res.status === 401) return null;
  return json<LogoutFlow>(res);
}

/**
 * The credential types an identity can really use (admin API). Only WebAuthn and passkey
 * configs are asked for (public keys, to tell empty entries apart); never TOTP or lookup
 * secrets.
 */
export async function getUsableCredentialTypes(identityId: string): Promise<string[]> {
  const url = kratosUrl(
    getConfig().kratosAdminUrl,
    `admin/identities/${encodeURIComponent(identityId)}`,
    "?include_credential=webauthn&include_credential=passkey",
  );
  const res = await call(url, { headers: { accept: "application/json" } });
  const identity = await json<Identity>(res);
  return usableCredentialTypes(identity.credentials as Record<string, { config?: unknown }> | undefined);
}
