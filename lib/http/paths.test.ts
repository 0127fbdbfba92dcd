import { describe, expect, it } from "vitest";
import {
  BFF_PREFIX,
  browserFlowInitPath,
  restartFlowPath,
  continuePath,
  elementsFlowPath,
  elementsStartPath,
  flowKindOf,
  flowStartPath,
  loginPath,
  servedByBff,
  uiKitPagePath,
  withNotice,
} from "@/lib/http/paths";

const RETURN_TO = "http://localhost:3000/settings?tab=security&x=a b#frag";

/** Parses a path the app built, for comparing its query parameters. */
const parse = (path: string) => new URL(path, "http://app.test");

describe("loginPath", () => {
  it("is /login without parameters", () => {
    expect(loginPath()).toBe("/login");
    expect(loginPath({})).toBe("/login");
  });

  it("omits undefined parameters and refresh=false", () => {
    expect(loginPath({ aal: undefined, refresh: false, returnTo: undefined, notice: undefined })).toBe(
      "/login",
    );
    expect(loginPath({ aal: "aal2" })).toBe("/login?aal=aal2");
  });

  it("carries aal, refresh, return_to and notice", () => {
    const u = parse(loginPath({ aal: "aal2", refresh: true, returnTo: RETURN_TO, notice: "csrf" }));
    expect(u.pathname).toBe("/login");
    expect(Object.fromEntries(u.searchParams)).toEqual({
      aal: "aal2",
      refresh: "true",
      return_to: RETURN_TO,
      notice: "csrf",
    });
  });

  it("encodes return_to so that its own query and fragment stay inside it", () => {
    const path = loginPath({ returnTo: RETURN_TO });
    expect(path).not.toContain("#");
    expect(path).not.toContain("&x=");
    expect(path).toBe(`/login?return_to=${new URLSearchParams({ r: RETURN_TO }).toString().slice(2)}`);
    expect(parse(path).searchParams.get("return_to")).toBe(RETURN_TO);
    expect([...parse(path).searchParams.keys()]).toEqual(["return_to"]);
  });
});

describe("flowStartPath", () => {
  it("is the flow page without parameters", () => {
    expect(flowStartPath("registration")).toBe("/registration");
    expect(flowStartPath("settings", { returnTo: undefined, notice: undefined })).toBe("/settings");
  });

  it("carries return_to and notice, encoded", () => {
    const u = parse(flowStartPath("recovery", { returnTo: RETURN_TO, notice: "flow_expired" }));
    expect(u.pathname).toBe("/recovery");
    expect(Object.fromEntries(u.searchParams)).toEqual({ return_to: RETURN_TO, notice: "flow_expired" });
  });
});

describe("browserFlowInitPath", () => {
  it("goes through the BFF to Kratos's browser endpoint", () => {
    expect(BFF_PREFIX).toBe("/api/kratos");
    expect(browserFlowInitPath("login", {})).toBe("/api/kratos/self-service/login/browser");
  });

  it("omits undefined parameters and encodes the others", () => {
    const path = browserFlowInitPath("login", { aal: "aal2", refresh: undefined, return_to: RETURN_TO });
    const u = parse(path);
    expect(u.pathname).toBe("/api/kratos/self-service/login/browser");
    expect(Object.fromEntries(u.searchParams)).toEqual({ aal: "aal2", return_to: RETURN_TO });
    expect(path).not.toContain("refresh");
  });

  it("keeps empty-string parameters (only undefined is dropped)", () => {
    expect(browserFlowInitPath("settings", { return_to: "" })).toBe(
      "/api/kratos/self-service/settings/browser?return_to=",
    );
  });
});

describe("continuePath", () => {
  it("is /continue without a return_to", () => {
    expect(continuePath()).toBe("/continue");
    expect(continuePath(undefined)).toBe("/continue");
  });

  it("carries return_to, encoded", () => {
    const path = continuePath(RETURN_TO);
    expect(parse(path).pathname).toBe("/continue");
    expect(parse(path).searchParams.get("return_to")).toBe(RETURN_TO);
    expect(path).not.toContain("#");
  });
});

describe("withNotice", () => {
  it("keeps a path relative, adding notice to its query and keeping the fragment", () => {
    expect(withNotice("/login?flow=abc#top", "csrf")).toBe("/login?flow=abc&notice=csrf#top");
    expect(withNotice("/login", "flow_expired")).toBe("/login?notice=flow_expired");
  });

  it("keeps an absolute URL absolute, on its own origin", () => {
    expect(withNotice("http://localhost:3000/login?flow=abc", "csrf")).toBe(
      "http://localhost:3000/login?flow=abc&notice=csrf",
    );
    expect(withNotice("https://auth.example.test/registration", "signed_out")).toBe(
      "https://auth.example.test/registration?notice=signed_out",
    );
  });

  it("replaces an existing notice instead of adding a second one", () => {
    const out = withNotice("/login?notice=csrf&flow=abc", "flow_expired");
    expect(parse(out).searchParams.getAll("notice")).toEqual(["flow_expired"]);
    expect(parse(out).searchParams.get("flow")).toBe("abc");
  });

  it("keeps other parameters' encoding intact", () => {
    const out = withNotice(`/login?return_to=${encodeURIComponent(RETURN_TO)}`, "csrf");
    expect(parse(out).searchParams.get("return_to")).toBe(RETURN_TO);
    expect(out.startsWith("/login?")).toBe(true);
  });

  it("never turns a same-origin path into a protocol-relative URL", () => {
    for (const path of ["/..//evil.test/x", "/a/..//evil.test", "/.//evil.test"]) {
      const out = withNotice(path, "csrf");
      expect(out.startsWith("//")).toBe(false);
      // Resolved as a browser would, it stays on the app's origin, at the same path as before.
      const app = "https://app.example.test";
      expect(new URL(out, app).origin).toBe(app);
      expect(new URL(out, app).pathname).toBe(new URL(path, app).pathname);
    }
  });
});

describe("UI kit paths (UI_KIT=elements)", () => {
  it("sends the app's flow pages to their Elements twins only when the kit is elements", () => {
    for (const kind of ["login", "registration", "recovery", "verification", "settings"]) {
      expect(uiKitPagePath(`/${kind}`, "elements")).toBe(`/elements/${kind}`);
      expect(uiKitPagePath(`/${kind}`, "ui")).toBeNull();
    }
  });

  it("leaves every other path alone (sub-routes, the error page, the Elements pages themselves)", () => {
    for (const p of [
      "/",
      "/error",
      "/session",
      "/settings/sessions/end",
      "/elements/login",
      "/login/x",
      "/loginx",
    ]) {
      expect(uiKitPagePath(p, "elements"), p).toBeNull();
    }
  });

  it("starts an Elements flow at its own route, with the init parameters", () => {
    const u = parse(elementsStartPath("login", { aal: "aal2", return_to: RETURN_TO, refresh: undefined }));
    expect(u.pathname).toBe("/elements/start/login");
    expect(u.searchParams.get("aal")).toBe("aal2");
    expect(u.searchParams.get("return_to")).toBe(RETURN_TO);
    expect(u.searchParams.has("refresh")).toBe(false);
    expect(elementsFlowPath("settings", "abc-123")).toBe("/elements/settings?flow=abc-123");
  });

  it("knows the flow kinds and nothing else", () => {
    expect(flowKindOf("recovery")).toBe("recovery");
    expect(flowKindOf("logout")).toBeUndefined();
    expect(flowKindOf("")).toBeUndefined();
  });
});

describe("servedByBff", () => {
  const APP = "http://localhost:3000";
  it("servedByBff: only GET routes of the BFF's table, on the app's origin", () => {
    expect(servedByBff(`${APP}/api/kratos/.well-known/ory/webauthn.js`, APP)).toBe(true);
    expect(servedByBff(`${APP}/api/kratos/sessions/whoami`, APP)).toBe(true);
    expect(servedByBff(`${APP}/api/kratos/unknown.js`, APP)).toBe(false);
    expect(servedByBff(`${APP}/api/kratosx/.well-known/ory/webauthn.js`, APP)).toBe(false);
  });
});

describe("restartFlowPath", () => {
  it("keeps the flow's init parameters and drops Kratos's address and anything else", () => {
    const continueTo = "http://localhost:3000/continue?return_to=%2Fsettings";
    const requestUrl = `http://127.0.0.1:4433/self-service/login/browser?return_to=${encodeURIComponent(continueTo)}&login_challenge=abc&via=x`;
    const u = new URL(restartFlowPath("login", requestUrl), "http://app.test");
    expect(u.pathname).toBe("/api/kratos/self-service/login/browser");
    expect([...u.searchParams.keys()].sort()).toEqual(["login_challenge", "return_to"]);
    expect(u.searchParams.get("return_to")).toBe(continueTo);
  });

  it("starts a plain flow when the request_url is missing or not a URL", () => {
    expect(restartFlowPath("login", undefined)).toBe("/api/kratos/self-service/login/browser");
    expect(restartFlowPath("login", "not a url")).toBe("/api/kratos/self-service/login/browser");
  });
});
