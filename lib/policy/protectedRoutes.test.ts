import { describe, expect, it } from "vitest";
import { ROUTE_RULES, matchRoute, type RouteRule } from "@/lib/policy/protectedRoutes";

describe("matchRoute", () => {
  it("protects the Ory Elements settings page like /settings", () => {
    expect(matchRoute("/elements/settings")?.require).toEqual(matchRoute("/settings")?.require);
    expect(matchRoute("/elements/login")).toBeUndefined();
  });

  it("matches a prefix exactly and on whole segments below it", () => {
    expect(matchRoute("/settings")?.prefix).toBe("/settings");
    expect(matchRoute("/settings/")?.prefix).toBe("/settings");
    expect(matchRoute("/settings/x")?.prefix).toBe("/settings");
    expect(matchRoute("/settings/x/y")?.prefix).toBe("/settings");
  });

  it("does not match a longer segment that merely starts with the prefix", () => {
    expect(matchRoute("/settingsx")).toBeUndefined();
    expect(matchRoute("/settings-old")).toBeUndefined();
    expect(matchRoute("/sessions")).toBeUndefined();
  });

  it("matches /session and /secure-account pages", () => {
    expect(matchRoute("/session")).toMatchObject({ prefix: "/session", kind: "page" });
    expect(matchRoute("/secure-account")).toMatchObject({
      prefix: "/secure-account",
      require: { cookie: "aal1", token: "aal1" },
    });
  });

  it("matches /api/me as an API asking less of tokens than of cookies", () => {
    const rule = matchRoute("/api/me");
    expect(rule).toMatchObject({ prefix: "/api/me", kind: "api" });
    expect(rule?.require).toEqual({ cookie: "highest_available", token: "aal1" });
    expect(matchRoute("/api/me/details")?.prefix).toBe("/api/me");
    expect(matchRoute("/api/meta")).toBeUndefined();
  });

  it("requires the highest available AAL for settings on both transports", () => {
    expect(matchRoute("/settings")?.require).toEqual({
      cookie: "highest_available",
      token: "highest_available",
    });
  });

  it("leaves public paths unmatched", () => {
    for (const p of [
      "/",
      "/login",
      "/registration",
      "/recovery",
      "/error",
      "/api/kratos/sessions/whoami",
      "/api",
    ]) {
      expect(matchRoute(p)).toBeUndefined();
    }
  });

  it("is case-sensitive (Next.js routes are)", () => {
    expect(matchRoute("/Settings")).toBeUndefined();
  });

  it("prefers the longest matching prefix, whatever the rule order", () => {
    const outer: RouteRule = { prefix: "/a", kind: "page", require: { cookie: "aal1", token: "aal1" } };
    const inner: RouteRule = {
      prefix: "/a/b",
      kind: "api",
      require: { cookie: "highest_available", token: "highest_available" },
    };
    for (const rules of [
      [outer, inner],
      [inner, outer],
    ]) {
      expect(matchRoute("/a/b/c", rules)).toBe(inner);
      expect(matchRoute("/a/b", rules)).toBe(inner);
      expect(matchRoute("/a/bc", rules)).toBe(outer);
      expect(matchRoute("/a", rules)).toBe(outer);
    }
  });

  it("uses ROUTE_RULES by default", () => {
    expect(matchRoute("/settings")).toBe(ROUTE_RULES.find((r) => r.prefix === "/settings"));
  });
});
