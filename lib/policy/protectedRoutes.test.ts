import { describe, expect, it } from "vitest";
import {
  ROUTE_RULES,
  matchRoute,
  sessionTokenOf,
  transportOf,
  type RouteRule,
} from "@/lib/policy/protectedRoutes";

const headers = (init: Record<string, string> = {}) => new Headers(init);

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

describe("transportOf", () => {
  it("is token with an X-Session-Token header", () => {
    expect(transportOf(headers({ "X-Session-Token": "ory_st_abc" }))).toBe("token");
  });

  it("is token with Authorization: Bearer (any case)", () => {
    expect(transportOf(headers({ Authorization: "Bearer ory_st_abc" }))).toBe("token");
    expect(transportOf(headers({ authorization: "bearer ory_st_abc" }))).toBe("token");
  });

  it("is cookie with Basic auth", () => {
    expect(transportOf(headers({ Authorization: "Basic dXNlcjpwYXNz" }))).toBe("cookie");
  });

  it("is cookie with nothing, or only a cookie", () => {
    expect(transportOf(headers())).toBe("cookie");
    expect(transportOf(headers({ cookie: "ory_kratos_session=abc" }))).toBe("cookie");
  });

  it("is cookie with an empty bearer or an empty X-Session-Token", () => {
    expect(transportOf(headers({ Authorization: "Bearer" }))).toBe("cookie");
    expect(transportOf(headers({ Authorization: "Bearer   " }))).toBe("cookie");
    expect(transportOf(headers({ "X-Session-Token": "" }))).toBe("cookie");
  });

  it("does not take a word merely starting with bearer", () => {
    expect(transportOf(headers({ Authorization: "Bearerabc" }))).toBe("cookie");
  });

  it("is token when a token is sent along with a cookie", () => {
    expect(transportOf(headers({ cookie: "ory_kratos_session=abc", "X-Session-Token": "ory_st_abc" }))).toBe(
      "token",
    );
  });
});

describe("sessionTokenOf", () => {
  it("reads X-Session-Token", () => {
    expect(sessionTokenOf(headers({ "X-Session-Token": "ory_st_abc" }))).toBe("ory_st_abc");
  });

  it("reads a bearer token (any case, extra spaces)", () => {
    expect(sessionTokenOf(headers({ Authorization: "Bearer ory_st_abc" }))).toBe("ory_st_abc");
    expect(sessionTokenOf(headers({ Authorization: "BEARER   ory_st_abc  " }))).toBe("ory_st_abc");
  });

  it("prefers X-Session-Token over Authorization", () => {
    expect(
      sessionTokenOf(headers({ "X-Session-Token": "explicit", Authorization: "Bearer from-auth" })),
    ).toBe("explicit");
  });

  it("is undefined without a token", () => {
    expect(sessionTokenOf(headers())).toBeUndefined();
    expect(sessionTokenOf(headers({ Authorization: "Basic dXNlcjpwYXNz" }))).toBeUndefined();
    expect(sessionTokenOf(headers({ Authorization: "Bearer" }))).toBeUndefined();
  });

  it("refuses a bearer value with spaces inside rather than guessing a part of it", () => {
    expect(sessionTokenOf(headers({ Authorization: "Bearer abc def" }))).toBeUndefined();
  });

  it("agrees with transportOf on which requests carry a token", () => {
    const cases: Record<string, string>[] = [
      {},
      { "X-Session-Token": "t" },
      { Authorization: "Bearer t" },
      { Authorization: "Basic t" },
      { cookie: "ory_kratos_session=abc" },
    ];
    for (const init of cases) {
      const h = headers(init);
      expect(sessionTokenOf(h) !== undefined).toBe(transportOf(h) === "token");
    }
  });
});
