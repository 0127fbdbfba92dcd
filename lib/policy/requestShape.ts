// Which methods each part of the app answers, and whether a request target is well-formed.
// Checked for every request before Next routes it (lib/http/requestGuard.ts), because Next
// answers 500 to both a method the Fetch API refuses (TRACE) and a percent-encoding that
// does not decode (`/api/kratos/%ZZ`). Pure; cheap on the common path (no allocation for a
// GET without `%`).
import { allowHeader, BFF_ROUTES } from "@/lib/policy/bffRoutes";

export interface RequestRefusal {
  status: 400 | 405;
  id: "malformed_url" | "method_not_allowed";
  /** The `Allow` header of a 405. */
  allow?: string;
  /** API routes answer JSON, pages and browser endpoints HTML. */
  json: boolean;
}

interface Allowed {
  header: string;
  methods: ReadonlySet<string>;
}

function allowed(header: string): Allowed {
  return { header, methods: new Set(header.split(", ")) };
}

const PAGE: Allowed = allowed("GET, HEAD");
/** App routes that are not GET/HEAD (same-origin form posts: sign-out, ending sessions, deletion, the language switcher). */
const APP_ROUTES = new Map<string, Allowed>([
  ["/logout", allowed("POST")],
  ["/settings/sessions/end", allowed("POST")],
  ["/settings/sessions/end-others", allowed("POST")],
  ["/account/delete", allowed("POST")],
  ["/locale", allowed("POST")],
  // hydra feature: the consent and logout pages' form posts, and Hydra's login URL, which
  // answers Hydra's login request (a HEAD must not).
  ["/oauth2/login", allowed("GET")],
  ["/oauth2/consent/decision", allowed("POST")],
  ["/oauth2/logout/decision", allowed("POST")],
]);

const BFF_PREFIX = "/api/kratos/";
const BFF_BY_PATH = new Map(BFF_ROUTES.map((r) => [BFF_PREFIX + r.path, allowed(allowHeader(r))]));
/** A BFF path the table does not know is the handler's 404; only these methods reach it. */
const BFF_ANY = allowed(
  [...new Set(BFF_ROUTES.flatMap((r) => allowHeader(r).split(", ")))].sort().join(", "),
);

function allowedFor(path: string): Allowed {
  if (path.startsWith(BFF_PREFIX)) return BFF_BY_PATH.get(path) ?? BFF_ANY;
  return APP_ROUTES.get(path) ?? PAGE;
}

/** True when every `%` starts an escape and the escapes decode as UTF-8. */
export function decodes(s: string): boolean {
  if (!s.includes("%")) return true;
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

/** The path of a request target: origin-form (`/a?b`), absolute-form or `*`; null if unparsable. */
export function targetPath(target: string): string | null {
  if (target.startsWith("/")) {
    const q = target.indexOf("?");
    return q === -1 ? target : target.slice(0, q);
  }
  if (target === "*") return target;
  try {
    return new URL(target).pathname;
  } catch {
    return null;
  }
}

/** The refusal for a request's method and raw target (`req.url`), or null to let it through. */
export function checkRequest(method: string, target: string): RequestRefusal | null {
  const path = targetPath(target);
  const json = path !== null && path.startsWith("/api/");
  if (path === null || !decodes(target)) return { status: 400, id: "malformed_url", json };
  const allow = allowedFor(path);
  if (!allow.methods.has(method)) {
    return { status: 405, id: "method_not_allowed", allow: allow.header, json };
  }
  return null;
}
