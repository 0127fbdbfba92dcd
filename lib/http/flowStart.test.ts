import { describe, expect, it } from "vitest";
import { cookieHeaderAfter, firstResponseFlow, flowInitParams, startedFlowId } from "@/lib/http/flowStart";

const APP = new URL("https://app.test");
const ID = "0b3c7a8e-5f8e-4c1e-9d0a-2b7f9a1c3d4e";
const q = (s: string) => new URLSearchParams(s);

describe("flowInitParams", () => {
  it("sends a first sign-in and a registration through /continue", () => {
    expect(flowInitParams("login", q(""), "https://app.test/settings", APP)).toEqual({
      aal: undefined,
      refresh: undefined,
      return_to: "https://app.test/continue?return_to=https%3A%2F%2Fapp.test%2Fsettings",
    });
    expect(flowInitParams("registration", q(""), undefined, APP)).toEqual({
      return_to: "https://app.test/continue",
    });
  });

  it("sends a step-up or a refresh straight back, and only aal2 and refresh=true count", () => {
    expect(flowInitParams("login", q("aal=aal2"), "https://app.test/s", APP)).toEqual({
      aal: "aal2",
      refresh: undefined,
      return_to: "https://app.test/s",
    });
    expect(flowInitParams("login", q("refresh=true&aal=aal3"), undefined, APP)).toEqual({
      aal: undefined,
      refresh: "true",
      return_to: undefined,
    });
    expect(flowInitParams("login", q("refresh=1"), undefined, APP).refresh).toBeUndefined();
  });

  it("gives recovery the return_to as it is", () => {
    expect(flowInitParams("recovery", q(""), "https://app.test/x", APP)).toEqual({
      return_to: "https://app.test/x",
    });
  });
});

describe("firstResponseFlow", () => {
  it("starts login, registration and recovery without a usable flow id", () => {
    expect(firstResponseFlow("/login", q(""))).toBe("login");
    expect(firstResponseFlow("/registration", q("return_to=/x"))).toBe("registration");
    expect(firstResponseFlow("/recovery", q("flow=not-an-id!"))).toBe("recovery");
  });

  it("leaves pages with a flow id, other flows and other paths alone", () => {
    expect(firstResponseFlow("/login", q(`flow=${ID}`))).toBeUndefined();
    expect(firstResponseFlow("/settings", q(""))).toBeUndefined();
    expect(firstResponseFlow("/verification", q(""))).toBeUndefined();
    expect(firstResponseFlow("/login/", q(""))).toBeUndefined();
    expect(firstResponseFlow("/elements/login", q(""))).toBeUndefined();
  });
});

describe("startedFlowId", () => {
  it("reads the flow id of Kratos's redirect to the same flow's page on this origin", () => {
    expect(startedFlowId(new URL(`https://app.test/login?flow=${ID}`), "login", APP.origin)).toBe(ID);
  });

  it("is undefined for any other answer", () => {
    expect(startedFlowId(new URL("https://app.test/"), "login", APP.origin)).toBeUndefined();
    expect(startedFlowId(new URL(`https://evil.test/login?flow=${ID}`), "login", APP.origin)).toBeUndefined();
    expect(startedFlowId(new URL(`https://app.test/error?id=${ID}`), "login", APP.origin)).toBeUndefined();
    expect(
      startedFlowId(new URL(`https://app.test/registration?flow=${ID}`), "login", APP.origin),
    ).toBeUndefined();
    expect(startedFlowId(new URL("https://app.test/login?flow=x"), "login", APP.origin)).toBeUndefined();
  });
});

describe("cookieHeaderAfter", () => {
  it("adds a new cookie and keeps the others as they came", () => {
    expect(
      cookieHeaderAfter("a=1; ory_kratos_session=s", ["csrf_token_x=abc; Path=/; HttpOnly; SameSite=Lax"]),
    ).toBe("a=1; ory_kratos_session=s; csrf_token_x=abc");
    expect(cookieHeaderAfter(null, ["csrf_token_x=abc=; Path=/"])).toBe("csrf_token_x=abc=");
  });

  it("replaces a cookie of the same name", () => {
    expect(cookieHeaderAfter("csrf_token_x=old; b=2", ["csrf_token_x=new; Path=/"])).toBe(
      "b=2; csrf_token_x=new",
    );
  });

  it("drops a cookie the answer deletes", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(cookieHeaderAfter("a=1; b=2", ["a=; Max-Age=0"], now)).toBe("b=2");
    expect(cookieHeaderAfter("a=1; b=2", ["b=; Expires=Thu, 01 Jan 1970 00:00:00 GMT"], now)).toBe("a=1");
    expect(cookieHeaderAfter("a=1", ["a=3; Max-Age=60"], now)).toBe("a=3");
  });

  it("ignores a line without a cookie name", () => {
    expect(cookieHeaderAfter("a=1", ["=x; Path=/", "junk"])).toBe("a=1");
  });
});
