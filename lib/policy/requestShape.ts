// Which methods each URL answers (the app map, lib/policy/appMap.ts; the BFF's paths from its own
// table), and whether a request target is well-formed. Checked for every request before Next
// routes it (lib/http/requestGuard.ts), because Next answers 500 to both a method the Fetch API
// refuses (TRACE) and a percent-encoding that does not decode (`/api/kratos/%ZZ`). Pure.
import { appRouteOf, isServed, type AppRoute } from "@/lib/policy/appMap";
import type { FeatureName } from "@/features/selection.mjs";
import { allowHeader, BFF_ROUTES } from "@/lib/policy/bffRoutes";

export interface RequestRefusal {
  status: 400 | 404 | 405;
  id: "malformed_url" | "not_found" | "method_not_allowed";
  /** The `Allow` header of a 405. */
  allow?: string;
  /** API routes answer JSON, pages and browser endpoints HTML. */
  json: boolean;
  /** For the log line only (never shown): what a developer adds to serve the request. */
  hint?: string;
}

interface Allowed {
  header: string;
  methods: ReadonlySet<string>;
}

function allowed(methods: readonly string[]): Allowed {
  return { header: methods.join(", "), methods: new Set(methods) };
}

const MAP_FILE = "lib/policy/appMap.ts";
/** A path the map does not know: Next answers GET and HEAD (with its 404). */
const UNKNOWN = allowed(["GET", "HEAD"]);
const BFF_PREFIX = "/api/kratos/";
const BFF_BY_PATH = new Map(
  BFF_ROUTES.map((r) => [BFF_PREFIX + r.path, allowed(allowHeader(r).split(", "))]),
);
const BY_ROW = new Map<AppRoute, Allowed>();

function allowedFor(path: string, row: AppRoute | undefined): Allowed {
  if (!row) return UNKNOWN;
  // A BFF path its table does not know is the handler's 404; only the table's methods reach it.
  if (row.kind === "bff") return BFF_BY_PATH.get(path) ?? rowAllowed(row);
  return rowAllowed(row);
}

function rowAllowed(row: AppRoute): Allowed {
  let a = BY_ROW.get(row);
  if (!a) BY_ROW.set(row, (a = allowed(row.methods)));
  return a;
}

function hintFor(method: string, path: string, row: AppRoute | undefined, serverAction: boolean): string {
  if (!row) return `${path} has no row in ${MAP_FILE}`;
  if (row.kind === "bff") return `the BFF's methods per path are in lib/policy/bffRoutes.ts`;
  if (serverAction && row.kind === "page")
    return `a Server Action on ${row.path}: its row in ${MAP_FILE} needs serverActions: true`;
  return `${row.path} answers ${row.methods.join(", ")} in ${MAP_FILE}; ${method} needs a row that lists it`;
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

/**
 * The refusal for a request's method and raw target (`req.url`), or null to let it through.
 * `serverAction`: the request carries a `Next-Action` header; a POST to a page is then served
 * when the page's row allows Server Actions. `map`: the whole app map (features/index.ts's
 * APP_MAP). A row of a feature not in `features` is a 404.
 */
export function checkRequest(
  method: string,
  target: string,
  serverAction: boolean,
  map: readonly AppRoute[],
  features: readonly FeatureName[],
): RequestRefusal | null {
  const path = targetPath(target);
  const json = path !== null && path.startsWith("/api/");
  if (path === null || !decodes(target)) return { status: 400, id: "malformed_url", json };
  const row = appRouteOf(path, map);
  if (row && !isServed(row, features))
    return { status: 404, id: "not_found", json, hint: `FEATURES turns ${row.feature} off` };
  const allow = allowedFor(path, row);
  if (allow.methods.has(method)) return null;
  if (method === "POST" && serverAction && row?.kind === "page" && row.serverActions) return null;
  return {
    status: 405,
    id: "method_not_allowed",
    allow: allow.header,
    json,
    hint: hintFor(method, path, row, serverAction),
  };
}
