// Server-side calls to Hydra's admin API (loopback or private network only, never proxied).
// Every call has the Kratos timeout; no answer becomes HydraUnavailableError (the 503 page).
import "server-only";
import { getConfig } from "@/lib/config";

export class HydraUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("Hydra did not answer in time", { cause });
    this.name = "HydraUnavailableError";
  }
}

/** Hydra does not know the challenge (tampered, expired, or of another Hydra). */
export class UnknownChallengeError extends Error {
  constructor(public readonly status: number) {
    super(`Hydra refused the challenge (${status})`);
    this.name = "UnknownChallengeError";
  }
}

export interface HydraClient {
  client_id: string;
  client_name?: string;
  logo_uri?: string;
  client_uri?: string;
  policy_uri?: string;
  tos_uri?: string;
  scope?: string;
  metadata?: unknown;
  skip_consent?: boolean;
}

export interface LoginRequest {
  challenge: string;
  skip: boolean;
  subject: string;
  request_url: string;
  requested_scope?: string[];
  oidc_context?: { acr_values?: string[]; ui_locales?: string[]; login_hint?: string };
  client: HydraClient;
}

export interface ConsentRequest {
  challenge: string;
  skip: boolean;
  subject: string;
  requested_scope?: string[];
  requested_access_token_audience?: string[];
  client: HydraClient;
  acr?: string;
}

export interface LogoutRequest {
  challenge: string;
  subject: string;
  sid?: string;
  rp_initiated: boolean;
  client?: HydraClient | null;
}

export function hydraEnabled(): boolean {
  return getConfig().hydraAdminUrl !== undefined;
}

async function admin(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const cfg = getConfig();
  if (!cfg.hydraAdminUrl) throw new Error("HYDRA_ADMIN_URL is not set");
  const url = new URL(path, cfg.hydraAdminUrl);
  try {
    const res = await fetch(url, {
      method: init.method ?? "GET",
      headers: { accept: "application/json", ...(init.body ? { "content-type": "application/json" } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(cfg.kratosTimeoutMs),
      redirect: "manual",
    });
    if (res.status >= 500) throw new HydraUnavailableError(`status ${res.status}`);
    return res;
  } catch (err) {
    if (err instanceof HydraUnavailableError) throw err;
    throw new HydraUnavailableError(err);
  }
}

type Flow = "login" | "consent" | "logout";

function flowPath(flow: Flow, challenge: string, action?: "accept" | "reject"): string {
  return `/admin/oauth2/auth/requests/${flow}${action ? `/${action}` : ""}?${flow}_challenge=${encodeURIComponent(challenge)}`;
}

async function readChallenge<T>(flow: Flow, challenge: string): Promise<T> {
  const res = await admin(flowPath(flow, challenge));
  // 410: Hydra already handled it (a stored flow); 4xx: unknown or tampered.
  if (!res.ok) throw new UnknownChallengeError(res.status);
  return (await res.json()) as T;
}

async function decide(flow: Flow, challenge: string, action: "accept" | "reject", body?: unknown) {
  const res = await admin(flowPath(flow, challenge, action), { method: "PUT", body: body ?? {} });
  if (!res.ok) throw new UnknownChallengeError(res.status);
  // Logout answers 204 to a rejection; the others name where the browser goes next.
  if (res.status === 204) return undefined;
  const { redirect_to } = (await res.json()) as { redirect_to?: string };
  return redirect_to;
}

export const getLoginRequest = (c: string) => readChallenge<LoginRequest>("login", c);
export const getConsentRequest = (c: string) => readChallenge<ConsentRequest>("consent", c);
export const getLogoutRequest = (c: string) => readChallenge<LogoutRequest>("logout", c);

export async function acceptLogin(
  challenge: string,
  body: {
    subject: string;
    acr: string;
    amr: string[];
    remember: boolean;
    identity_provider_session_id?: string;
  },
): Promise<string | undefined> {
  return decide("login", challenge, "accept", body);
}

export async function rejectRequest(
  flow: "login" | "consent",
  challenge: string,
  error: string,
  description: string,
): Promise<string | undefined> {
  return decide(flow, challenge, "reject", { error, error_description: description });
}

export async function acceptConsent(
  challenge: string,
  body: {
    grant_scope: string[];
    grant_access_token_audience: string[];
    remember: boolean;
    remember_for: number;
    session: { id_token: Record<string, unknown> };
  },
): Promise<string | undefined> {
  return decide("consent", challenge, "accept", body);
}

export const acceptLogout = (c: string) => decide("logout", c, "accept");
export const rejectLogout = (c: string) => decide("logout", c, "reject");

/** Ends Hydra's remembered login sessions of a subject (the app's own sign-out). Never throws. */
export async function revokeLoginSessions(subject: string): Promise<void> {
  if (!hydraEnabled()) return;
  try {
    await admin(`/admin/oauth2/auth/sessions/login?subject=${encodeURIComponent(subject)}`, {
      method: "DELETE",
    });
  } catch {
    // Hydra away: its login session ends by itself; the app's own session is already gone.
  }
}
