import { describe, expect, it } from "vitest";
import type { AppRoute } from "@/lib/policy/appMap";
import { APP_MAP } from "@/features/index";
import { FEATURE_NAMES } from "@/features/selection.mjs";
import { checkRequest, decodes, targetPath } from "@/lib/policy/requestShape";

describe("checkRequest: well-formed requests go through", () => {
  it.each([
    ["GET", "/"],
    ["HEAD", "/"],
    ["GET", "/login?flow=6a1c0f55-1b7e-4f7c-9d5e-3a0c2b1d4e5f"],
    ["GET", "/login?return_to=%2Fsettings%3Ftab%3D1"],
    ["GET", "/%E2%9C%93"],
    ["GET", "/no-such-page"],
    ["GET", "/_next/static/chunks/main.js"],
    ["GET", "/api/me"],
    ["HEAD", "/api/me"],
    ["GET", "/api/health"],
    ["POST", "/logout"],
    ["POST", "/settings/sessions/end"],
    ["POST", "/settings/sessions/end-others"],
    ["POST", "/account/delete"],
    ["POST", "/locale"],
    ["GET", "/api/kratos/self-service/login/browser?return_to=http%3A%2F%2Flocalhost%3A3000%2F"],
    ["HEAD", "/api/kratos/self-service/login/browser"],
    ["POST", "/api/kratos/self-service/login?flow=x"],
    ["GET", "/api/kratos/self-service/recovery?flow=x&code=123456"],
    ["DELETE", "/api/kratos/self-service/logout/api"],
    // Paths the BFF table does not know reach its handler, which answers 404 for them.
    ["GET", "/api/kratos/admin/identities"],
    ["POST", "/api/kratos/self-service/login/%2e%2e/%2e%2e/admin/identities"],
    ["GET", "http://localhost:3000/login?flow=x"],
  ])("%s %s", (method, target) => {
    expect(checkRequest(method, target, false, APP_MAP, FEATURE_NAMES)).toBeNull();
  });
});

describe("checkRequest: methods a route does not answer are 405 with Allow", () => {
  it.each([
    ["TRACE", "/", "GET, HEAD", false],
    ["TRACE", "/login", "GET, HEAD", false],
    ["PROPFIND", "/settings", "GET, HEAD", false],
    ["OPTIONS", "/login", "GET, HEAD", false],
    ["POST", "/login", "GET, HEAD", false],
    ["PATCH", "/no-such-page", "GET, HEAD", false],
    ["OPTIONS", "*", "GET, HEAD", false],
    ["GET", "/logout", "POST", false],
    ["HEAD", "/logout", "POST", false],
    ["GET", "/settings/sessions/end", "POST", false],
    ["GET", "/settings/sessions/end-others", "POST", false],
    ["GET", "/account/delete", "POST", false],
    ["GET", "/locale", "POST", false],
    ["HEAD", "/oauth2/login?login_challenge=x", "GET", false],
    ["GET", "/oauth2/consent/decision", "POST", false],
    ["GET", "/oauth2/logout/decision", "POST", false],
    ["TRACE", "/api/me", "GET, HEAD", true],
    ["POST", "/api/me", "GET, HEAD", true],
    ["OPTIONS", "/api/me", "GET, HEAD", true],
    ["DELETE", "/api/health", "GET, HEAD", true],
    // The BFF: each path's methods come from its route table.
    ["TRACE", "/api/kratos/self-service/login/browser", "GET, HEAD", true],
    ["OPTIONS", "/api/kratos/self-service/login/browser", "GET, HEAD", true],
    ["GET", "/api/kratos/self-service/login", "POST", true],
    ["PUT", "/api/kratos/self-service/recovery", "GET, POST, HEAD", true],
    ["GET", "/api/kratos/self-service/logout/api", "DELETE", true],
    ["PROPFIND", "/api/kratos/no/such/path", "DELETE, GET, HEAD, POST", true],
  ])("%s %s → Allow: %s", (method, target, allow, json) => {
    expect(checkRequest(method, target, false, APP_MAP, FEATURE_NAMES)).toMatchObject({
      status: 405,
      id: "method_not_allowed",
      allow,
      json,
    });
  });
});

describe("checkRequest: a 405's log hint names the file that serves the method", () => {
  it.each([
    ["POST", "/no-such-page", "/no-such-page has no row in lib/policy/appMap.ts"],
    ["POST", "/login", "/login answers GET, HEAD in lib/policy/appMap.ts; POST needs a row that lists it"],
    ["GET", "/logout", "/logout answers POST in lib/policy/appMap.ts; GET needs a row that lists it"],
    ["PUT", "/api/kratos/self-service/login", "the BFF's methods per path are in lib/policy/bffRoutes.ts"],
  ])("%s %s", (method, target, hint) => {
    expect(checkRequest(method, target, false, APP_MAP, FEATURE_NAMES)?.hint).toBe(hint);
  });
});

describe("checkRequest: Server Actions", () => {
  it("refuses a Server Action on a page whose row does not allow them, naming the row", () => {
    expect(checkRequest("POST", "/session", true, APP_MAP, FEATURE_NAMES)).toMatchObject({
      status: 405,
      allow: "GET, HEAD",
      hint: "a Server Action on /session: its row in lib/policy/appMap.ts needs serverActions: true",
    });
  });

  it("refuses a Server Action header on a path that is no page", () => {
    expect(checkRequest("POST", "/no-such-page", true, APP_MAP, FEATURE_NAMES)).toMatchObject({
      status: 405,
    });
    expect(checkRequest("PUT", "/logout", true, APP_MAP, FEATURE_NAMES)).toMatchObject({
      status: 405,
      allow: "POST",
    });
  });

  it("serves a Server Action on a page whose row allows them, and only with the header", () => {
    const map: AppRoute[] = [
      {
        path: "/notes",
        kind: "page",
        methods: ["GET", "HEAD"],
        require: "public",
        serverActions: true,
        feature: "core",
        purpose: "",
      },
    ];
    expect(checkRequest("POST", "/notes", true, map, FEATURE_NAMES)).toBeNull();
    expect(checkRequest("POST", "/notes", false, map, FEATURE_NAMES)).toMatchObject({
      status: 405,
      allow: "GET, HEAD",
    });
    expect(checkRequest("PUT", "/notes", true, map, FEATURE_NAMES)).toMatchObject({ status: 405 });
  });

  it("lets a form route's POST through with or without the header", () => {
    expect(checkRequest("POST", "/logout", true, APP_MAP, FEATURE_NAMES)).toBeNull();
  });
});

describe("checkRequest: a malformed percent-encoding is 400, whatever the method", () => {
  it.each([
    ["GET", "/api/kratos/%ZZ", true],
    ["GET", "/api/kratos/self-service/%ZZ", true],
    ["GET", "/api/kratos/%E0%A4%A", true],
    // A complete escape whose bytes are not UTF-8.
    ["GET", "/api/kratos/%E0%A4", true],
    ["POST", "/api/kratos/self-service/login?flow=%ZZ", true],
    ["GET", "/api/me?x=%", true],
    ["GET", "/api/me/%FF", true],
    ["TRACE", "/api/me/%ZZ", true],
    ["GET", "/%ZZ", false],
    ["GET", "/login/%E0%A4%A", false],
    ["GET", "/login?flow=%ZZ", false],
    ["GET", "/login?return_to=%E0%A4%A", false],
    ["GET", "/settings?%", false],
    ["GET", "http://localhost:3000/%ZZ", false],
    ["GET", "not a target", false],
  ])("%s %s", (method, target, json) => {
    expect(checkRequest(method, target, false, APP_MAP, FEATURE_NAMES)).toEqual({
      status: 400,
      id: "malformed_url",
      json,
    });
  });
});

describe("decodes", () => {
  it.each([
    ["", true],
    ["plain", true],
    ["a%20b", true],
    ["%25", true],
    ["%e2%9c%93", true],
    ["%", false],
    ["%2", false],
    ["%G0", false],
    ["%C0%AF", false],
    ["%ED%A0%80", false],
  ])("%j → %s", (s, ok) => {
    expect(decodes(s)).toBe(ok);
  });
});

describe("targetPath", () => {
  it.each([
    ["/", "/"],
    ["/a/b?c=d", "/a/b"],
    ["/a?", "/a"],
    ["*", "*"],
    ["http://host:1/x/y?z", "/x/y"],
    ["garbage", null],
  ])("%j → %j", (target, path) => {
    expect(targetPath(target)).toBe(path);
  });
});

describe("checkRequest: a feature FEATURES turns off", () => {
  it("answers 404 on its rows, naming FEATURES in the log hint", () => {
    const off = FEATURE_NAMES.filter((f) => f !== "account-deletion");
    expect(checkRequest("POST", "/account/delete", false, APP_MAP, off)).toEqual({
      status: 404,
      id: "not_found",
      json: false,
      hint: "FEATURES turns account-deletion off",
    });
    expect(checkRequest("GET", "/elements/login?flow=x", false, APP_MAP, [])).toMatchObject({ status: 404 });
  });

  it("leaves the core's rows alone with every feature off", () => {
    expect(checkRequest("GET", "/settings", false, APP_MAP, [])).toBeNull();
    expect(checkRequest("POST", "/logout", false, APP_MAP, [])).toBeNull();
  });
});
