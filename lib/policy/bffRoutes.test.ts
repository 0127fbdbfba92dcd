import { describe, expect, it } from "vitest";
import { matchBffRoute, BFF_ROUTES } from "@/lib/policy/bffRoutes";

describe("matchBffRoute: paths", () => {
  it.each([
    ["self-service/login/browser", "GET"],
    ["self-service/login", "POST"],
    ["self-service/login/flows", "GET"],
    ["self-service/login/api", "GET"],
    ["self-service/registration/browser", "GET"],
    ["self-service/recovery/flows", "GET"],
    ["self-service/verification", "POST"],
    ["self-service/verification", "GET"],
    ["self-service/recovery", "GET"],
    ["self-service/settings/api", "GET"],
    ["self-service/settings/browser", "HEAD"],
    ["self-service/logout/browser", "GET"],
    ["self-service/logout/api", "DELETE"],
    ["self-service/logout", "GET"],
    ["self-service/errors", "GET"],
    ["sessions/whoami", "GET"],
    [".well-known/ory/webauthn.js", "GET"],
    ["self-service/methods/oidc/callback/local", "GET"],
    ["self-service/methods/oidc/callback/google", "HEAD"],
    ["self-service/methods/oidc/callback/my_idp-2", "GET"],
  ])("serves %s %s", (path, method) => {
    expect(matchBffRoute(path, method)).toMatchObject({ type: "route", path });
  });

  it.each([
    // Admin and other non-public endpoints.
    "admin/identities",
    "identities",
    "identities/abc",
    "health/ready",
    "health/alive",
    "version",
    "schemas",
    "schemas/default",
    "metrics/prometheus",
    // Session management beyond whoami.
    "sessions",
    "sessions/abc-123",
    "sessions/whoami/extra",
    "sessions/token-exchange",
    // Traversal and empty segments.
    "self-service/login/../../admin",
    "self-service/login/..",
    "self-service/..",
    "self-service//login",
    "self-service/login//browser",
    // Exact paths only: prefixes, suffixes, leading slashes, near misses.
    "/self-service/login",
    "self-service/login/",
    "self-service/login/browser/",
    "self-service/login/browser/x",
    "self-service/login/flows?id=1",
    "self-service/login\n",
    "x/self-service/login",
    "Self-Service/login",
    "self-service/login/browse",
    "self-service/logout/flows",
    "self-service/errors/x",
    "self-service/fed-cm/parameters",
    // The OIDC callback: one provider id segment, nothing else of the method's routes.
    "self-service/methods/oidc/callback",
    "self-service/methods/oidc/callback/",
    "self-service/methods/oidc/callback/local/x",
    "self-service/methods/oidc/callback/..",
    "self-service/methods/oidc/callback/a.b",
    "self-service/methods/oidc/callback/:provider",
    "self-service/methods/oidc/auth/abc",
    "self-service/methods/oidc/organization/o/callback/local",
    ".well-known/ory/webauthn.jsx",
    ".well-known/jwks.json",
    "self-service%2Flogin",
    "constructor",
    "__proto__",
    "",
  ])("refuses %j with 404", (path) => {
    expect(matchBffRoute(path, "GET")).toEqual({ type: "not_found" });
  });
});

describe("matchBffRoute: methods", () => {
  it.each([
    ["self-service/login", "GET", "POST"],
    ["self-service/login", "PUT", "POST"],
    ["self-service/login", "OPTIONS", "POST"],
    ["self-service/login/browser", "POST", "GET, HEAD"],
    ["self-service/recovery", "DELETE", "GET, POST, HEAD"],
    ["self-service/logout/api", "GET", "DELETE"],
    ["sessions/whoami", "DELETE", "GET, HEAD"],
    ["sessions/whoami", "TRACE", "GET, HEAD"],
    ["sessions/whoami", "PROPFIND", "GET, HEAD"],
    ["sessions/whoami", "get", "GET, HEAD"],
    ["sessions/whoami", "constructor", "GET, HEAD"],
    ["self-service/methods/oidc/callback/local", "POST", "GET, HEAD"],
  ])("%s %s is 405 with Allow: %s", (path, method, allow) => {
    expect(matchBffRoute(path, method)).toEqual({ type: "method_not_allowed", allow });
  });

  it("serves HEAD as GET", () => {
    expect(matchBffRoute("sessions/whoami", "HEAD")).toMatchObject({ type: "route", method: "GET" });
  });
});

describe("BFF_ROUTES", () => {
  const rules = BFF_ROUTES.flatMap((r) =>
    Object.entries(r.methods).map(([m, rule]) => ({ ...rule, m, path: r.path })),
  );

  it("has one entry per path", () => {
    const paths = BFF_ROUTES.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("runs submission checks only where there is a submission to check", () => {
    for (const r of rules) {
      if (r.checks.includes("rate_limit") || r.checks.includes("factor_guard")) {
        expect(r.submission, `${r.m} ${r.path}`).toBeDefined();
      }
    }
  });

  it("guards every login submission and every settings endpoint", () => {
    const login = rules.filter((r) => r.path === "self-service/login");
    expect(login.length).toBeGreaterThan(0);
    for (const r of login) expect(r.checks).toEqual(["rate_limit", "factor_guard"]);
    const settings = rules.filter((r) => r.path.startsWith("self-service/settings"));
    expect(settings).toHaveLength(4);
    for (const r of settings) expect(r.checks[0]).toBe("settings_guard");
  });

  it("counts sign-ins per account and per flow, recovery/verification emails per address", () => {
    const byPath = (p: string) => rules.filter((r) => r.path === p);
    for (const r of byPath("self-service/login")) expect(r.rateLimit).toEqual({ account: true, flow: true });
    for (const p of ["self-service/recovery", "self-service/verification"]) {
      expect(byPath(p).map((r) => r.rateLimit)).toEqual([{ address: true }, { address: true }]);
    }
  });

  it("clears the session cache after anything that can change the session", () => {
    const clearing = rules.filter((r) => r.clearsSessionCache).map((r) => `${r.m} ${r.path}`);
    expect(clearing.sort()).toEqual(
      [
        "POST self-service/login",
        "POST self-service/registration",
        "GET self-service/recovery",
        "POST self-service/recovery",
        "POST self-service/settings",
        "GET self-service/logout",
        "DELETE self-service/logout/api",
        "GET self-service/methods/oidc/callback/:provider",
      ].sort(),
    );
  });

  it("marks the session revoked after Kratos's logout link, the browser's sign-out through the BFF", () => {
    expect(rules.filter((r) => r.endsSession).map((r) => `${r.m} ${r.path}`)).toEqual([
      "GET self-service/logout",
    ]);
  });
});
