// Which session a request speaks for: exactly one credential, or a refusal. Every check, proxy.ts
// and the app's routes take the session from here, and the BFF forwards only this credential, so
// no part of the app can judge one session while Kratos acts on another. Pure.
//
// Why refuse rather than pick as Kratos picks: Kratos v1.3.1 has no one order, and its choice
// depends on a secret the app does not hold.
// - Reading a session (session/manager_http.go:207-228): X-Session-Token when non-empty (:211),
//   else the session cookie if it decodes with Kratos's cookie secret (:215-224), else
//   `Authorization: Bearer` (:217, :226), split on one space with any case of "bearer"
//   (session/helper.go:11-19).
// - Among duplicate session cookies it takes the first that decodes, not the first sent
//   (github.com/ory/sessions, Kratos's gorilla/sessions fork: store.go:144-166 through
//   sessions.go:135-137, from driver/registry_default.go:522).
// - Signing out revokes the Bearer token's session before the cookie's, and ignores
//   X-Session-Token (session/manager_http.go:262-276, from selfservice/flow/logout/handler.go:344),
//   while the logout token is checked against the session read as above (handler.go:330-341).
// So a request with several credentials, or a session cookie that is duplicated, empty or named
// in another case, or an Authorization header Kratos would not read as Bearer, is refused (400):
// then Kratos sees one credential or none, and which one never depends on Kratos's order.
import type { Transport } from "@/lib/policy/appMap";

/** Kratos's session cookie (`session.cookie.name`, default in v1.3.1). */
export const SESSION_COOKIE = "ory_kratos_session";

// Go's net/http drops every cookie of a request that has more than this many (Go 1.26
// net/http/cookie.go:71, :381-386): Kratos would then see no session cookie at all.
export const MAX_COOKIES = 3000;

export type Credential =
  | { type: "none" }
  | { type: "cookie"; value: string }
  | { type: "token"; token: string; header: "x-session-token" | "authorization" };

export type CredentialRefusalReason =
  | "several_credentials"
  | "duplicate_session_cookie"
  | "empty_session_cookie"
  | "malformed_session_cookie"
  | "session_cookie_name_case"
  | "too_many_cookies"
  | "malformed_authorization"
  | "empty_session_token"
  | "malformed_session_token";

export const REFUSAL_MESSAGES: Readonly<Record<CredentialRefusalReason, string>> = {
  several_credentials:
    "Send one credential: the session cookie, X-Session-Token or Authorization: Bearer, not several.",
  duplicate_session_cookie: `The ${SESSION_COOKIE} cookie is sent more than once.`,
  empty_session_cookie: `The ${SESSION_COOKIE} cookie is empty.`,
  malformed_session_cookie: `The ${SESSION_COOKIE} cookie has characters a cookie value cannot have.`,
  session_cookie_name_case: `A cookie is named ${SESSION_COOKIE} in another case.`,
  too_many_cookies: `The request has more than ${MAX_COOKIES} cookies.`,
  malformed_authorization: "Authorization must be `Bearer <session token>`, with one space.",
  empty_session_token: "X-Session-Token is empty.",
  malformed_session_token: "X-Session-Token has characters a session token cannot have.",
};

/** The request's one credential, and its other cookies (CSRF, continuity…) as they came. */
export interface ResolvedCredential {
  credential: Credential;
  otherCookies: readonly string[];
}

export type CredentialResolution =
  ({ ok: true } & ResolvedCredential) | { ok: false; reason: CredentialRefusalReason; message: string };

/** What the resolver reads: `Headers`, or anything answering `get` the same way. */
export interface HeaderSource {
  get(name: string): string | null;
}

// RFC 6750's b64token; Kratos's own are `ory_st_` + 32 letters and digits (session/session.go:252).
// It leaves out the ", " with which Node joins a repeated header, where Go reads only the first.
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

// Go's textproto.TrimString.
const trimGo = (s: string) => s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");

// Go's validCookieValueByte (net/http/cookie.go:518-520). A double quote is refused too: Go would
// strip a surrounding pair, and then Kratos would read another value than the one sent.
function isCookieValue(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x3b || c === 0x5c) return false;
  }
  return true;
}

const refuse = (reason: CredentialRefusalReason): CredentialResolution => ({
  ok: false,
  reason,
  message: REFUSAL_MESSAGES[reason],
});

type CookieRead =
  | { ok: true; session: string | undefined; others: string[] }
  | { ok: false; reason: CredentialRefusalReason };

// Split as Go's readCookies does (net/http/cookie.go:371-415): on ";", each part trimmed, the
// name trimmed and cut at the first "=".
function readCookies(header: string | null): CookieRead {
  if (header === null) return { ok: true, session: undefined, others: [] };
  if (header.split(";").length > MAX_COOKIES) return { ok: false, reason: "too_many_cookies" };
  const sessions: string[] = [];
  const others: string[] = [];
  for (const raw of header.split(";")) {
    const part = trimGo(raw);
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = trimGo(eq === -1 ? part : part.slice(0, eq));
    if (name === SESSION_COOKIE) sessions.push(eq === -1 ? "" : part.slice(eq + 1));
    else if (name.toLowerCase() === SESSION_COOKIE) return { ok: false, reason: "session_cookie_name_case" };
    else others.push(part);
  }
  if (sessions.length > 1) return { ok: false, reason: "duplicate_session_cookie" };
  const session = sessions[0];
  if (session === "") return { ok: false, reason: "empty_session_cookie" };
  if (session !== undefined && !isCookieValue(session))
    return { ok: false, reason: "malformed_session_cookie" };
  return { ok: true, session, others };
}

/** The token of an Authorization header, read exactly as session/helper.go:11-19 reads it. */
function bearerToken(header: string): string | undefined {
  const parts = header.split(" ");
  if (parts.length !== 2 || !/^bearer$/i.test(parts[0]!) || !TOKEN.test(parts[1]!)) return undefined;
  return parts[1];
}

/** The one credential of a request, or why it is refused. */
export function resolveCredential(headers: HeaderSource): CredentialResolution {
  const cookies = readCookies(headers.get("cookie"));
  if (!cookies.ok) return refuse(cookies.reason);

  const found: Credential[] = [];
  if (cookies.session !== undefined) found.push({ type: "cookie", value: cookies.session });
  const explicit = headers.get("x-session-token");
  if (explicit !== null) {
    if (explicit === "") return refuse("empty_session_token");
    if (!TOKEN.test(explicit)) return refuse("malformed_session_token");
    found.push({ type: "token", token: explicit, header: "x-session-token" });
  }
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const token = bearerToken(authorization);
    if (token === undefined) return refuse("malformed_authorization");
    found.push({ type: "token", token, header: "authorization" });
  }
  if (found.length > 1) return refuse("several_credentials");
  return { ok: true, credential: found[0] ?? { type: "none" }, otherCookies: cookies.others };
}

/**
 * The headers that carry a credential to Kratos, in the header it came in; the session cookie
 * goes first, with the request's other cookies after it.
 */
export function credentialHeaders(
  credential: Credential,
  otherCookies: readonly string[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  const cookies = credential.type === "cookie" ? [`${SESSION_COOKIE}=${credential.value}`] : [];
  cookies.push(...otherCookies);
  if (cookies.length > 0) out.cookie = cookies.join("; ");
  if (credential.type === "token") {
    out[credential.header] =
      credential.header === "authorization" ? `Bearer ${credential.token}` : credential.token;
  }
  return out;
}

/** Which of a route's requirements applies: the token one for app clients, else the browser one. */
export function transportOf(credential: Credential): Transport {
  return credential.type === "token" ? "token" : "cookie";
}
