// Per-route, per-transport AAL requirements. Kratos has one `session.whoami.required_aal`
// for cookies and tokens alike; this table lets a route ask less of app clients using a
// session token than of browsers, while Kratos is set to the lower bar (aal1).

/**
 * "aal1": any valid session. "highest_available": the highest AAL the identity can reach
 * under the factor policy (aal2 for nearly everyone, since every identity has an inbox).
 */
export type Requirement = "aal1" | "highest_available";
export type Transport = "cookie" | "token";

export interface RouteRule {
  /** Path prefix, matched on whole segments (`/settings` matches `/settings/x`, not `/settingsx`). */
  prefix: string;
  /** Pages redirect to sign-in or step-up; APIs answer 401/403 JSON. */
  kind: "page" | "api";
  require: Record<Transport, Requirement>;
}

export const ROUTE_RULES: readonly RouteRule[] = [
  { prefix: "/settings", kind: "page", require: { cookie: "highest_available", token: "highest_available" } },
  // The same settings flow on Ory Elements (UI_KIT=elements) asks the same.
  {
    prefix: "/elements/settings",
    kind: "page",
    require: { cookie: "highest_available", token: "highest_available" },
  },
  { prefix: "/session", kind: "page", require: { cookie: "highest_available", token: "highest_available" } },
  { prefix: "/secure-account", kind: "page", require: { cookie: "aal1", token: "aal1" } },
  { prefix: "/api/me", kind: "api", require: { cookie: "highest_available", token: "aal1" } },
];

function matches(prefix: string, pathname: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** The rule for a path (the longest matching prefix), or undefined for a public path. */
export function matchRoute(
  pathname: string,
  rules: readonly RouteRule[] = ROUTE_RULES,
): RouteRule | undefined {
  let best: RouteRule | undefined;
  for (const rule of rules) {
    if (matches(rule.prefix, pathname) && (!best || rule.prefix.length > best.prefix.length)) best = rule;
  }
  return best;
}
