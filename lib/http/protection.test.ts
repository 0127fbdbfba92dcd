// proxy.ts's work with fake session lookups: who is let through, sent to sign in or step up,
// answered 401/403/400/503, and that every answer carries the security headers.
import { APP_MAP } from "@/features/index";
import { NextRequest, NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { createProxy, type ProxyDeps } from "@/lib/http/protection";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import type { SessionFacts } from "@/lib/policy/access";
import { DEFAULT_FACTOR_POLICY } from "@/lib/policy/factors";

const APP = "http://app.test";
const COOKIE = "ory_kratos_session=abc";

const PASSWORD_ONLY: SessionFacts = {
  kratosAal: "aal1",
  amr: [{ method: "password", aal: "aal1" }],
  credentialTypes: ["password"],
};
const PASSWORD_WITH_TOTP: SessionFacts = { ...PASSWORD_ONLY, credentialTypes: ["password", "totp"] };
const STEPPED_UP: SessionFacts = {
  kratosAal: "aal2",
  amr: [
    { method: "password", aal: "aal1" },
    { method: "totp", aal: "aal2" },
  ],
  credentialTypes: ["password", "totp"],
};

interface World {
  facts?: SessionFacts | null;
  down?: boolean;
  uiKit?: "ui" | "elements";
}

function proxyFor(world: World = {}) {
  const calls = { lookups: 0, sealed: [] as string[], firstFlows: [] as string[] };
  const lookup = async () => {
    calls.lookups++;
    if (world.down) throw new KratosUnavailableError();
    return world.facts ?? null;
  };
  const deps: ProxyDeps = {
    appMap: APP_MAP,
    appUrl: new URL(APP),
    returnToOrigins: [],
    uiKit: world.uiKit ?? "ui",
    factorPolicy: DEFAULT_FACTOR_POLICY,
    secureCookies: true,
    formOrigins: [],
    dev: false,
    cacheCookie: { name: "session_check", set: (_res, sealed) => void calls.sealed.push(sealed) },
    tokenFacts: lookup,
    cookieFacts: async (credential) =>
      credential.type === "none" ? { facts: null } : { facts: await lookup(), sealed: "sealed-value" },
    nonce: () => "bm9uY2U=",
    firstFlow: async (_req, kind) => {
      calls.firstFlows.push(kind);
      return NextResponse.next();
    },
  };
  return { proxy: createProxy(deps), calls };
}

async function send(path: string, headers: Record<string, string> = {}, world: World = {}) {
  const { proxy, calls } = proxyFor(world);
  const res = await proxy(new NextRequest(`${APP}${path}`, { headers }));
  return { res, calls };
}

const passedOn = (res: Response) => res.headers.get("x-middleware-next") === "1";

interface Case {
  name: string;
  path: string;
  headers?: Record<string, string>;
  world: World;
  next?: boolean;
  status?: number;
  location?: string;
  id?: string;
  lookups?: number;
}

describe("proxy: protection from the app map", () => {
  it.each<Case>([
    { name: "a public page, signed out", path: "/login", world: {}, next: true, lookups: 0 },
    { name: "an unknown path", path: "/no-such-page", world: {}, next: true, lookups: 0 },
    {
      name: "a protected page, signed out",
      path: "/session?x=1",
      world: {},
      status: 307,
      location: `${APP}/login?return_to=${encodeURIComponent(APP)}%2Fsession%3Fx%3D1`,
    },
    {
      name: "a protected page, aal1 with TOTP set up",
      path: "/settings",
      headers: { cookie: COOKIE },
      world: { facts: PASSWORD_WITH_TOTP },
      status: 307,
      location: `${APP}/login?aal=aal2&return_to=${encodeURIComponent(APP)}%2Fsettings`,
    },
    {
      name: "an aal1 page at aal1",
      path: "/secure-account",
      headers: { cookie: COOKIE },
      world: { facts: PASSWORD_ONLY },
      next: true,
    },
    {
      name: "a protected page, stepped up",
      path: "/session",
      headers: { cookie: COOKIE },
      world: { facts: STEPPED_UP },
      next: true,
    },
    {
      name: "a protected form post's path, signed out",
      path: "/settings/sessions/end",
      world: {},
      status: 307,
      location: `${APP}/login?return_to=${encodeURIComponent(APP)}%2Fsettings%2Fsessions%2Fend`,
    },
    { name: "the API, signed out", path: "/api/me", world: {}, status: 401, id: "session_required" },
    {
      name: "the API with a cookie at aal1 (cookies need the highest available)",
      path: "/api/me",
      headers: { cookie: COOKIE },
      world: { facts: PASSWORD_WITH_TOTP },
      status: 403,
      id: "session_aal2_required",
    },
    {
      name: "the API with a token at aal1 (tokens need aal1)",
      path: "/api/me",
      headers: { "x-session-token": "ory_st_abc" },
      world: { facts: PASSWORD_WITH_TOTP },
      next: true,
    },
    {
      name: "two credentials",
      path: "/login",
      headers: { cookie: COOKIE, authorization: "Bearer ory_st_abc" },
      world: {},
      status: 400,
      lookups: 0,
    },
    {
      name: "a protected page while Kratos is down",
      path: "/session",
      headers: { cookie: COOKIE },
      world: { down: true },
      status: 503,
    },
    {
      name: "the API while Kratos is down",
      path: "/api/me",
      headers: { cookie: COOKIE },
      world: { down: true },
      status: 503,
      id: "identity_service_unavailable",
    },
  ])("$name", async ({ path, headers, world, next, status, location, id, lookups }) => {
    const { res, calls } = await send(path, headers, world);
    if (next) expect(passedOn(res)).toBe(true);
    else expect(res.status).toBe(status);
    if (location) expect(res.headers.get("location")).toBe(location);
    if (id) expect(JSON.stringify(await res.json())).toContain(id);
    if (lookups !== undefined) expect(calls.lookups).toBe(lookups);
    expect(res.headers.get("content-security-policy")).toContain("'nonce-bm9uY2U='");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("sets the session-check cache when Kratos was asked", async () => {
    const { calls } = await send("/session", { cookie: COOKIE }, { facts: STEPPED_UP });
    expect(calls.sealed).toEqual(["sealed-value"]);
  });

  it("passes the page its own path, whatever the client sent in that header", async () => {
    const { res } = await send(
      "/session?a=b",
      { cookie: COOKIE, "x-request-path": "/login" },
      { facts: STEPPED_UP },
    );
    expect(res.headers.get("x-middleware-request-x-request-path")).toBe("/session?a=b");
  });

  it("marks a request it let through a protected row, and only such a request", async () => {
    const mark = "x-middleware-request-x-protected-route";
    const forged = { cookie: COOKIE, "x-protected-route": "1" };
    expect((await send("/session", forged, { facts: STEPPED_UP })).res.headers.get(mark)).toBe("1");
    // A public page: the client's own value is dropped (Next overrides the header with nothing).
    expect((await send("/", forged, { facts: STEPPED_UP })).res.headers.get(mark)).toBeNull();
    // Refused: the browser is sent to sign in, nothing reaches the page.
    const signedOut = await send("/session", { "x-protected-route": "1" }, { facts: null });
    expect(signedOut.res.status).toBe(307);
    expect(signedOut.res.headers.get(mark)).toBeNull();
  });

  it("widens img-src only on a row that names image sources (the consent page's client logos)", async () => {
    const imgSrc = (res: Response) =>
      res.headers
        .get("content-security-policy")
        ?.split("; ")
        .find((d) => d.startsWith("img-src"));
    expect(imgSrc((await send("/oauth2/consent?consent_challenge=c")).res)).toBe(
      "img-src 'self' data: https:",
    );
    expect(imgSrc((await send("/oauth2/consent/decision")).res)).toBe("img-src 'self' data:");
    expect(imgSrc((await send("/login")).res)).toBe("img-src 'self' data:");
  });

  it("hands the flow pages over to Ory Elements when it is the kit", async () => {
    const { res } = await send("/login?flow=f", {}, { uiKit: "elements" });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(`${APP}/elements/login?flow=f`);
  });

  it.each([
    ["/login", ["login"]],
    ["/registration?return_to=%2Fsession", ["registration"]],
    ["/recovery", ["recovery"]],
    ["/login?flow=not-a-uuid!", ["login"]],
    ["/login?flow=0f9d2b7e-5c1a-4e8b-9a3d-2b6c7e8f9a10", []],
    ["/verification", []],
    ["/session", []],
  ])("starts a first visit's flow in the same response: %s → %j", async (path, kinds) => {
    const { calls } = await send(path, { cookie: COOKIE }, { facts: STEPPED_UP });
    expect(calls.firstFlows).toEqual(kinds);
  });

  it("starts no flow for a request with an ambiguous credential", async () => {
    const { res, calls } = await send("/login", { cookie: COOKIE, authorization: "Bearer t" });
    expect(res.status).toBe(400);
    expect(calls.firstFlows).toEqual([]);
  });

  it.each([
    ["an RSC prefetch", { rsc: "1", "next-router-prefetch": "1" }, "/login"],
    ["a client-router fetch by Fetch Metadata", { "sec-fetch-mode": "cors" }, "/login"],
    ["a client-router fetch by its _rsc query", {}, "/registration?_rsc=abc"],
  ])("starts no flow for %s (the page's own redirect does)", async (_name, headers, path) => {
    const { calls } = await send(path, { cookie: COOKIE, ...headers }, { facts: STEPPED_UP });
    expect(calls.firstFlows).toEqual([]);
  });

  it("starts the flow for a navigation", async () => {
    const { calls } = await send(
      "/login",
      { cookie: COOKIE, "sec-fetch-mode": "navigate" },
      { facts: STEPPED_UP },
    );
    expect(calls.firstFlows).toEqual(["login"]);
  });

  it("drops a client's own started-flow header: only the proxy hands a flow to a page", async () => {
    const { res } = await send("/verification", { cookie: COOKIE, "x-started-flow": "someone-elses" });
    expect(passedOn(res)).toBe(true);
    expect(res.headers.get("x-middleware-request-x-started-flow")).toBeNull();
  });
});
