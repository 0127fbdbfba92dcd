// The app map: every URL the app serves, in one table: the core's rows here, each optional
// feature's in its own folder (features/<name>/policy/routes.ts), assembled by features/index.ts
// as APP_MAP. proxy.ts protects what it says (via
// lib/http/protection.ts), the request guard answers 405 with its `Allow` (lib/policy/requestShape.ts),
// pages ask requireSession() for their own row's session, docs/architecture.md's route table is
// generated from it (`npm run docs:routes`), and test/appMap.test.ts fails when the files under
// app/ and this table disagree. The BFF's per-path methods stay in its own route table
// (lib/policy/bffRoutes.ts); its row here names the union. Pure.
import { BFF_ROUTES, allowHeader } from "@/lib/policy/bffRoutes";
import type { FeatureName } from "@/features/selection.mjs";

/**
 * "aal1": any valid session. "highest_available": the highest AAL the identity can reach
 * under the factor policy (aal2 for nearly everyone, since every identity has an inbox).
 */
export type Requirement = "aal1" | "highest_available";
export type Transport = "cookie" | "token";

export type AppMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

/**
 * page: an `app/…/page.tsx` (GET, HEAD). form: a same-origin form post (`route.ts`, POST).
 * browser: a `route.ts` a browser is sent to (a redirect or a plain page). api: JSON.
 * bff: the Kratos BFF (lib/policy/bffRoutes.ts).
 */
export type RouteKind = "page" | "form" | "browser" | "api" | "bff";

export interface AppRoute {
  /**
   * The URL pattern, spelled like the folders under app/ without route groups: a literal
   * segment, `[name]` for one segment, `[...name]` for one or more.
   */
  path: string;
  kind: RouteKind;
  /**
   * The methods it answers: HEAD wherever GET (Next runs the GET handler for both), unless
   * `refusesHead` says the GET changes something a HEAD must not.
   */
  methods: readonly AppMethod[];
  /**
   * What proxy.ts requires of a cookie session and of a session token before the request goes
   * on, or "public": proxy.ts lets everyone through and the route decides for itself.
   */
  require: Record<Transport, Requirement> | "public";
  /**
   * A page whose Server Actions may run. An action is a POST to the page's own path with a
   * `Next-Action` header; the request guard refuses it (405) unless this is true, and a plain
   * POST to a page stays refused either way. No page uses one today.
   */
  serverActions?: boolean;
  /**
   * A route whose GET acts (accepts a request of another server's): the request guard answers a
   * HEAD with 405 instead of letting Next run the GET handler for it; `methods` lists GET alone.
   */
  refusesHead?: boolean;
  /**
   * Where the page may show images from besides its own origin and `data:` (the CSP's `img-src`,
   * for this path only): the consent page's client logos.
   */
  imageSources?: readonly string[];
  /** "core", or the optional feature it belongs to. */
  feature: "core" | FeatureName;
  /** One line for the generated route table. */
  purpose: string;
}

export const PAGE: readonly AppMethod[] = ["GET", "HEAD"];
export const POST: readonly AppMethod[] = ["POST"];
export const HIGHEST = { cookie: "highest_available", token: "highest_available" } as const;

/** Every method the BFF's table serves on some path (a path's own come from lib/policy/bffRoutes.ts). */
const BFF_METHODS = [...new Set(BFF_ROUTES.flatMap((r) => allowHeader(r).split(", ")))].sort() as AppMethod[];

/** The core's rows; the features add theirs (features/index.ts assembles APP_MAP). */
export const CORE_ROUTES: readonly AppRoute[] = [
  { path: "/", kind: "page", methods: PAGE, require: "public", feature: "core", purpose: "home" },
  {
    path: "/login",
    kind: "page",
    methods: PAGE,
    require: "public",
    feature: "core",
    purpose: "sign-in and step-up",
  },
  {
    path: "/registration",
    kind: "page",
    methods: PAGE,
    require: "public",
    feature: "core",
    purpose: "sign-up",
  },
  {
    path: "/recovery",
    kind: "page",
    methods: PAGE,
    require: "public",
    feature: "core",
    purpose: "account recovery",
  },
  {
    path: "/verification",
    kind: "page",
    methods: PAGE,
    require: "public",
    feature: "core",
    purpose: "email verification",
  },
  {
    path: "/error",
    kind: "page",
    methods: PAGE,
    require: "public",
    feature: "core",
    purpose: "Kratos's flow errors",
  },
  {
    path: "/settings",
    kind: "page",
    methods: PAGE,
    require: HIGHEST,
    feature: "core",
    purpose: "account settings: the profile section",
  },
  ...(["password", "two-factor", "passkeys", "sessions"] as const).map((section): AppRoute => ({
    path: `/settings/${section}`,
    kind: "page",
    methods: PAGE,
    require: HIGHEST,
    feature: "core",
    purpose: `account settings: the ${section} section`,
  })),
  {
    path: "/session",
    kind: "page",
    methods: PAGE,
    require: HIGHEST,
    feature: "core",
    purpose: "this session",
  },
  {
    path: "/continue",
    kind: "browser",
    methods: PAGE,
    require: "public",
    feature: "core",
    purpose: "after sign-in: step-up, the enrollment prompt, or return_to",
  },
  {
    path: "/unavailable",
    kind: "browser",
    methods: PAGE,
    require: "public",
    feature: "core",
    purpose: "the 503 page that retries",
  },
  { path: "/logout", kind: "form", methods: POST, require: "public", feature: "core", purpose: "sign out" },
  {
    path: "/locale",
    kind: "form",
    methods: POST,
    require: "public",
    feature: "core",
    purpose: "the language switcher",
  },
  {
    path: "/settings/sessions/end",
    kind: "form",
    methods: POST,
    require: HIGHEST,
    feature: "core",
    purpose: "end one other session",
  },
  {
    path: "/settings/sessions/end-others",
    kind: "form",
    methods: POST,
    require: HIGHEST,
    feature: "core",
    purpose: "end all other sessions",
  },
  {
    path: "/api/me",
    kind: "api",
    methods: PAGE,
    require: { cookie: "highest_available", token: "aal1" },
    feature: "core",
    purpose: "example JSON API",
  },
  {
    path: "/api/health",
    kind: "api",
    methods: PAGE,
    require: "public",
    feature: "core",
    purpose: "liveness",
  },
  {
    path: "/api/ready",
    kind: "api",
    methods: PAGE,
    require: "public",
    feature: "core",
    purpose: "readiness",
  },
  {
    path: "/api/kratos/[...path]",
    kind: "bff",
    methods: BFF_METHODS,
    require: "public",
    feature: "core",
    purpose: "the BFF to Kratos public (its own table and checks)",
  },
];

function withoutTrailingSlash(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
}

/** True when a raw request path (no query) is one of the pattern's URLs; a trailing slash is ignored. */
export function pathMatches(pattern: string, pathname: string): boolean {
  if (pattern === "/") return withoutTrailingSlash(pathname) === "/";
  const want = pattern.split("/").slice(1);
  const have = withoutTrailingSlash(pathname).split("/").slice(1);
  for (const [i, w] of want.entries()) {
    const rest = have.slice(i);
    if (w.startsWith("[...")) return rest.length > 0 && rest.every((s) => s.length > 0);
    const h = rest[0];
    if (h === undefined || (w.startsWith("[") ? h.length === 0 : w !== h)) return false;
  }
  return want.length === have.length;
}

/** The row for a request path (literal rows before patterns), or undefined for a path the app does not serve. */
export function appRouteOf(pathname: string, map: readonly AppRoute[]): AppRoute | undefined {
  const literal = withoutTrailingSlash(pathname);
  return (
    map.find((r) => !r.path.includes("[") && r.path === literal) ??
    map.find((r) => r.path.includes("[") && pathMatches(r.path, pathname))
  );
}

export interface Protection {
  path: string;
  /** APIs answer 401/403 JSON; everything else redirects to sign-in or step-up. */
  json: boolean;
  require: Record<Transport, Requirement>;
}

/** What proxy.ts requires of a request to this path, or undefined when it lets everyone through. */
export function protectionOf(pathname: string, map: readonly AppRoute[]): Protection | undefined {
  const row = appRouteOf(pathname, map);
  if (!row || row.require === "public") return undefined;
  return { path: row.path, json: row.kind === "api" || row.kind === "bff", require: row.require };
}

/** True when a row is served with these optional features on: the core's always, a feature's while it is selected. */
export function isServed(row: AppRoute, features: readonly FeatureName[]): boolean {
  return row.feature === "core" || features.includes(row.feature);
}
