// Pure rules of the BFF: which headers cross it (its paths are in lib/policy/bffRoutes.ts).
import { credentialHeaders, type ResolvedCredential } from "@/lib/policy/credential";

// Request headers Kratos needs besides the credential: content negotiation and the language for
// messages. Nothing else leaks through (no Host, no X-Forwarded-* a client could forge); the
// body's Content-Type is the BFF's own.
const FORWARDED_REQUEST_HEADERS = ["accept", "accept-language", "user-agent"];

// Response headers the browser needs back. Set-Cookie is handled separately because
// `Headers` folds several Set-Cookie values into one line unless read with getSetCookie().
const RETURNED_RESPONSE_HEADERS = ["content-type", "location", "cache-control", "etag", "last-modified"];

export interface ForwardOptions {
  /** The client's address, as seen by this server, for Kratos's rate limits and logs. */
  clientIp?: string;
}

/**
 * The headers sent to Kratos: the allow-listed ones, and the request's one credential
 * (lib/policy/credential.ts) rebuilt, with its other cookies (CSRF, continuity) as they came.
 * The client's own Cookie, Authorization and X-Session-Token never cross as sent.
 */
export function forwardRequestHeaders(
  incoming: Headers,
  resolved: ResolvedCredential,
  opts: ForwardOptions = {},
): Headers {
  const out = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const v = incoming.get(name);
    if (v !== null) out.set(name, v);
  }
  for (const [name, value] of Object.entries(credentialHeaders(resolved.credential, resolved.otherCookies)))
    out.set(name, value);
  if (opts.clientIp) {
    out.set("x-forwarded-for", opts.clientIp);
    // The one address header Kratos passes on to its webhooks (features/notifications/).
    out.set("true-client-ip", opts.clientIp);
  }
  return out;
}

export function returnedResponseHeaders(upstream: Headers): Headers {
  const out = new Headers();
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const v = upstream.get(name);
    if (v !== null) out.set(name, v);
  }
  for (const cookie of upstream.getSetCookie()) out.append("set-cookie", cookie);
  return out;
}
