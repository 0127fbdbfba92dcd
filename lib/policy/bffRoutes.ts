// The BFF's one route table: every Kratos public path it serves, and for each method
// where the submission comes from and which checks run before Kratos sees it. A path or a
// method that is not here is refused (404/405); nothing is forwarded by default. Pure.

export type BffMethod = "GET" | "POST" | "DELETE";

/** Checks run in this order; each may answer instead of Kratos (lib/bff/handler.ts implements them). */
export type BffCheck = "settings_guard" | "rate_limit" | "factor_guard";

/** Rate-limit buckets besides the per-client one (lib/policy/rateLimitRules.ts). */
export interface RateLimitRule {
  /** Sign-in attempts per account: the identifier, and the session's identity when there is one. */
  account?: boolean;
  /** Attempts per flow (the `flow` query parameter), for the flow's whole life. */
  flow?: boolean;
  /** Emails per address: the `email` field of recovery and verification. */
  address?: boolean;
}

export interface MethodRule {
  /**
   * Where the submission the checks read comes from: a form or JSON body (re-encoded by the
   * BFF, with only `flow` kept from the query), or the query (links from emails).
   * Absent: a read; the query is forwarded and there is no body.
   */
  submission?: "body" | "query";
  checks: readonly BffCheck[];
  rateLimit?: RateLimitRule;
  /** The request can change who is signed in: the session-check cache is cleared. */
  clearsSessionCache?: boolean;
  /** The request signs its session out: the session is marked revoked for every cache (lib/session/revocations.ts). */
  endsSession?: boolean;
}

export interface BffRoute {
  /**
   * The Kratos public path, without a leading slash. A last segment `:provider` stands for one
   * path segment of letters, digits, `-` and `_` (a provider id in Kratos's config).
   */
  path: string;
  methods: Partial<Record<BffMethod, MethodRule>>;
}

const READ: MethodRule = { checks: [] };
const SETTINGS_READ: MethodRule = { checks: ["settings_guard"] };

function flowRoutes(
  flow: string,
  submit: Partial<Record<BffMethod, MethodRule>>,
  read: MethodRule = READ,
): BffRoute[] {
  return [
    { path: `self-service/${flow}/browser`, methods: { GET: read } },
    { path: `self-service/${flow}/api`, methods: { GET: read } },
    { path: `self-service/${flow}/flows`, methods: { GET: read } },
    { path: `self-service/${flow}`, methods: submit },
  ];
}

export const BFF_ROUTES: readonly BffRoute[] = [
  ...flowRoutes("login", {
    POST: {
      submission: "body",
      checks: ["rate_limit", "factor_guard"],
      rateLimit: { account: true, flow: true },
      clearsSessionCache: true,
    },
  }),
  ...flowRoutes("registration", {
    POST: { submission: "body", checks: ["rate_limit"], clearsSessionCache: true },
  }),
  // Recovery and verification emails carry links to the submission path (GET with the code).
  ...flowRoutes("recovery", {
    GET: {
      submission: "query",
      checks: ["rate_limit"],
      rateLimit: { address: true },
      clearsSessionCache: true,
    },
    POST: {
      submission: "body",
      checks: ["rate_limit"],
      rateLimit: { address: true },
      clearsSessionCache: true,
    },
  }),
  ...flowRoutes("verification", {
    GET: { submission: "query", checks: ["rate_limit"], rateLimit: { address: true } },
    POST: { submission: "body", checks: ["rate_limit"], rateLimit: { address: true } },
  }),
  ...flowRoutes(
    "settings",
    { POST: { submission: "body", checks: ["settings_guard", "rate_limit"], clearsSessionCache: true } },
    SETTINGS_READ,
  ),
  { path: "self-service/logout/browser", methods: { GET: READ } },
  // The logout link Kratos hands out (`?token=`), and native apps' logout with a session token.
  {
    path: "self-service/logout",
    methods: { GET: { checks: [], clearsSessionCache: true, endsSession: true } },
  },
  {
    path: "self-service/logout/api",
    methods: { DELETE: { submission: "body", checks: [], clearsSessionCache: true } },
  },
  // The OIDC provider sends the browser back here (with `code` and `state`); Kratos finishes the
  // sign-in, sign-up or linking it started and sets the session. The provider's own page is
  // where the person proved who they are, so there is nothing here for the app's checks to read.
  {
    path: "self-service/methods/oidc/callback/:provider",
    methods: { GET: { checks: [], clearsSessionCache: true } },
  },
  { path: "self-service/errors", methods: { GET: READ } },
  { path: "sessions/whoami", methods: { GET: READ } },
  { path: ".well-known/ory/webauthn.js", methods: { GET: READ } },
];

const PARAM = ":provider";
const PARAM_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;
const BY_PATH = new Map(BFF_ROUTES.filter((r) => !r.path.endsWith(PARAM)).map((r) => [r.path, r]));
const WITH_PARAM = BFF_ROUTES.filter((r) => r.path.endsWith(PARAM));

function findRoute(path: string): BffRoute | undefined {
  const exact = BY_PATH.get(path);
  if (exact) return exact;
  const slash = path.lastIndexOf("/");
  const prefix = path.slice(0, slash + 1);
  if (!PARAM_SEGMENT.test(path.slice(slash + 1))) return undefined;
  return WITH_PARAM.find((r) => r.path === `${prefix}${PARAM}`);
}

export type RouteMatch =
  | { type: "route"; path: string; method: BffMethod; rule: MethodRule }
  | { type: "not_found" }
  | { type: "method_not_allowed"; allow: string };

/** The methods a route answers, as an `Allow` header (HEAD wherever GET). */
export function allowHeader(route: BffRoute): string {
  const methods = Object.keys(route.methods);
  return (methods.includes("GET") ? [...methods, "HEAD"] : methods).join(", ");
}

/** Finds the table entry for a request; HEAD is served as GET. */
export function matchBffRoute(path: string, method: string): RouteMatch {
  const route = findRoute(path);
  if (!route) return { type: "not_found" };
  const m = (method === "HEAD" ? "GET" : method) as BffMethod;
  const rule = Object.hasOwn(route.methods, m) ? route.methods[m] : undefined;
  if (!rule) return { type: "method_not_allowed", allow: allowHeader(route) };
  return { type: "route", path, method: m, rule };
}
