import { describe, expect, it } from "vitest";
import { FEATURE_NAMES } from "@/features/selection.mjs";
import { APP_MAP, FEATURE_MANIFESTS } from "@/features/index";
import { appRouteOf, isServed, pathMatches, protectionOf, type AppRoute } from "@/lib/policy/appMap";

describe("the features' manifests (features/index.ts)", () => {
  it("are features/selection.mjs's FEATURE_NAMES, in order", () => {
    expect(FEATURE_MANIFESTS.map((f) => f.name)).toEqual([...FEATURE_NAMES]);
  });

  it("each bring only rows of their own feature", () => {
    for (const f of FEATURE_MANIFESTS) for (const row of f.routes) expect(row.feature, row.path).toBe(f.name);
  });

  it("name every row's feature", () => {
    for (const row of APP_MAP) expect(["core", ...FEATURE_NAMES]).toContain(row.feature);
  });
});

describe("isServed", () => {
  const row = (feature: AppRoute["feature"]): AppRoute => ({
    path: "/x",
    kind: "page",
    methods: ["GET", "HEAD"],
    require: "public",
    feature,
    purpose: "x",
  });

  it("always serves the core's rows, a feature's only while it is selected", () => {
    expect(isServed(row("core"), [])).toBe(true);
    expect(isServed(row("elements"), ["elements"])).toBe(true);
    expect(isServed(row("elements"), ["oidc"])).toBe(false);
  });
});

describe("APP_MAP", () => {
  it("declares each pattern once", () => {
    const paths = APP_MAP.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("answers HEAD wherever GET, and pages only GET and HEAD", () => {
    for (const row of APP_MAP) {
      if (row.methods.includes("GET") && !row.refusesHead) expect(row.methods, row.path).toContain("HEAD");
      if (row.refusesHead) expect(row.kind, row.path).not.toBe("page");
      if (row.refusesHead) expect(row.methods, row.path).not.toContain("HEAD");
      if (row.kind === "page") expect([...row.methods].sort(), row.path).toEqual(["GET", "HEAD"]);
      if (row.kind === "form") expect(row.methods, row.path).toEqual(["POST"]);
    }
  });

  it("allows Server Actions on pages only", () => {
    for (const row of APP_MAP) if (row.serverActions) expect(row.kind, row.path).toBe("page");
  });
});

describe("pathMatches", () => {
  it.each([
    ["/", "/", true],
    ["/", "/x", false],
    ["/settings", "/settings", true],
    ["/settings", "/settings/", true],
    ["/settings", "/settings/x", false],
    ["/settings", "/settingsx", false],
    ["/settings", "/Settings", false],
    ["/elements/start/[kind]", "/elements/start/login", true],
    ["/elements/start/[kind]", "/elements/start/", false],
    ["/elements/start/[kind]", "/elements/start/login/x", false],
    ["/api/kratos/[...path]", "/api/kratos/a", true],
    ["/api/kratos/[...path]", "/api/kratos/a/b/c", true],
    ["/api/kratos/[...path]", "/api/kratos", false],
    ["/api/kratos/[...path]", "/api/kratos/a//b", false],
    ["/api/kratos/[...path]", "/api/kratosx/a", false],
  ])("%s ~ %j → %s", (pattern, path, ok) => {
    expect(pathMatches(pattern, path)).toBe(ok);
  });
});

describe("appRouteOf", () => {
  it("prefers a literal row to a pattern", () => {
    const map: AppRoute[] = [
      {
        path: "/a/[x]",
        kind: "page",
        methods: ["GET", "HEAD"],
        require: "public",
        feature: "core",
        purpose: "",
      },
      { path: "/a/b", kind: "form", methods: ["POST"], require: "public", feature: "core", purpose: "" },
    ];
    expect(appRouteOf("/a/b", map)?.path).toBe("/a/b");
    expect(appRouteOf("/a/c", map)?.path).toBe("/a/[x]");
    expect(appRouteOf("/a", map)).toBeUndefined();
  });

  it("finds the BFF's row for any path below it", () => {
    expect(appRouteOf("/api/kratos/self-service/login", APP_MAP)?.kind).toBe("bff");
  });
});

describe("protectionOf", () => {
  it("protects the Ory Elements settings page like /settings", () => {
    expect(protectionOf("/elements/settings", APP_MAP)?.require).toEqual(
      protectionOf("/settings", APP_MAP)?.require,
    );
    expect(protectionOf("/elements/login", APP_MAP)).toBeUndefined();
  });

  it("requires the highest available AAL for settings and their form posts on both transports", () => {
    for (const p of ["/settings", "/settings/", "/settings/sessions/end", "/settings/sessions/end-others"]) {
      expect(protectionOf(p, APP_MAP), p).toEqual({
        path: p.startsWith("/settings/sessions") ? p : "/settings",
        json: false,
        require: { cookie: "highest_available", token: "highest_available" },
      });
    }
  });

  it("matches /session and /secure-account pages", () => {
    expect(protectionOf("/session", APP_MAP)).toMatchObject({ path: "/session", json: false });
    expect(protectionOf("/secure-account", APP_MAP)?.require).toEqual({ cookie: "aal1", token: "aal1" });
  });

  it("answers /api/me as an API asking less of tokens than of cookies", () => {
    expect(protectionOf("/api/me", APP_MAP)).toEqual({
      path: "/api/me",
      json: true,
      require: { cookie: "highest_available", token: "aal1" },
    });
    expect(protectionOf("/api/meta", APP_MAP)).toBeUndefined();
  });

  it("leaves public and unknown paths alone", () => {
    for (const p of [
      "/",
      "/login",
      "/registration",
      "/recovery",
      "/verification",
      "/error",
      "/logout",
      "/locale",
      "/continue",
      "/account/delete",
      "/settingsx",
      "/sessions",
      "/Settings",
      "/no-such-page",
      "/api/kratos/self-service/settings/browser",
    ]) {
      expect(protectionOf(p, APP_MAP), p).toBeUndefined();
    }
  });
});
