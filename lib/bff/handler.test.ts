// The BFF handler with fake dependencies: what it refuses before Kratos, what Kratos receives when
// it goes on, and what the browser or app client gets back.
import type { Session } from "@ory/client-fetch";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createBffHandler, MAX_BODY_BYTES, type BffDeps } from "@/lib/bff/handler";
import type { CallInit } from "@/lib/kratos/client";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { DEFAULT_FACTOR_POLICY } from "@/lib/policy/factors";
import type { BucketKey } from "@/lib/policy/rateLimitRules";
import type { SessionLookup, SettingsVerdict } from "@/lib/session/lookup";

const APP = "http://app.test";
const COOKIE = "ory_kratos_session=abc";
const FORM = "application/x-www-form-urlencoded";
const JSON_ACCEPT = "application/json";

interface Forwarded {
  path: string;
  search: string;
  init: CallInit;
}

interface World {
  /** What Kratos answers (default 200 with an empty JSON object), or "down". */
  kratos?: Response | "down";
  session?: SessionLookup;
  verdict?: SettingsVerdict;
  limited?: boolean;
}

function fakes(world: World = {}) {
  const calls = {
    forwarded: [] as Forwarded[],
    consumed: [] as BucketKey[][],
    revoked: [] as string[],
    warned: [] as string[],
  };
  const deps: BffDeps = {
    appUrl: new URL(APP),
    trustProxy: false,
    factorPolicy: DEFAULT_FACTOR_POLICY,
    secureCookies: true,
    forwardToPublic: async (path, search, init) => {
      calls.forwarded.push({ path, search, init });
      if (world.kratos === "down") throw new KratosUnavailableError();
      return world.kratos ?? Response.json({});
    },
    lookupSession: async () => world.session ?? { type: "none" },
    settingsVerdict: async () => world.verdict ?? { type: "allow" },
    consume: async (keys) => {
      calls.consumed.push([...keys]);
      return world.limited ? { limited: true, bucket: "ip", retryAfterSeconds: 42 } : { limited: false };
    },
    markRevoked: async (ids) => void calls.revoked.push(...ids),
    warn: (line) => void calls.warned.push(line),
  };
  return { deps, calls };
}

function request(method: string, pathAndQuery: string, headers: Record<string, string> = {}, body?: string) {
  return new NextRequest(`${APP}/api/kratos/${pathAndQuery}`, { method, headers, body });
}

async function run(req: NextRequest, world: World = {}) {
  const { deps, calls } = fakes(world);
  const path = req.nextUrl.pathname.slice("/api/kratos/".length).split("/");
  const res = await createBffHandler(deps)(req, path);
  return {
    res,
    calls,
    json: res.headers.get("content-type")?.includes("json") ? await res.clone().json() : null,
  };
}

const inboxSession = (id: string): Session =>
  ({
    id,
    active: true,
    identity: { id: `identity-${id}` },
    authenticator_assurance_level: "aal1",
    authentication_methods: [{ method: "code", aal: "aal1" }],
  }) as Session;

describe("BFF handler: refused before Kratos", () => {
  it.each([
    {
      name: "an unknown path",
      req: () => request("GET", "admin/identities"),
      status: 404,
      id: "not_found",
    },
    {
      name: "a method the path does not take",
      req: () => request("GET", "self-service/login?flow=f"),
      status: 405,
      id: "method_not_allowed",
      headers: { allow: "POST" },
    },
    {
      name: "two credentials (cookie and token)",
      req: () => request("GET", "sessions/whoami", { cookie: COOKIE, "x-session-token": "ory_st_abc" }),
      status: 400,
      id: "several_credentials",
    },
    {
      name: "the session cookie twice",
      req: () => request("GET", "sessions/whoami", { cookie: `${COOKIE}; ory_kratos_session=def` }),
      status: 400,
      id: "duplicate_session_cookie",
    },
    {
      name: "a media type other than a form or JSON",
      req: () =>
        request(
          "POST",
          "self-service/login?flow=f",
          { "content-type": "text/plain", accept: JSON_ACCEPT },
          "x",
        ),
      status: 415,
      id: "unsupported_media_type",
    },
    {
      name: "multipart",
      req: () =>
        request(
          "POST",
          "self-service/login?flow=f",
          { "content-type": "multipart/form-data; boundary=x", accept: JSON_ACCEPT },
          "x",
        ),
      status: 415,
      id: "unsupported_media_type",
    },
    {
      name: "a body over the cap",
      req: () =>
        request(
          "POST",
          "self-service/registration?flow=f",
          { "content-type": FORM, accept: JSON_ACCEPT },
          `a=${"x".repeat(MAX_BODY_BYTES)}`,
        ),
      status: 413,
      id: "payload_too_large",
    },
    {
      name: "malformed JSON",
      req: () =>
        request(
          "POST",
          "self-service/login?flow=f",
          { "content-type": "application/json", accept: JSON_ACCEPT },
          "{",
        ),
      status: 400,
      id: "bad_request",
    },
    {
      name: "a JSON array",
      req: () =>
        request(
          "POST",
          "self-service/login?flow=f",
          { "content-type": "application/json", accept: JSON_ACCEPT },
          "[]",
        ),
      status: 400,
      id: "bad_request",
    },
    {
      name: "a malformed percent-encoding in a form",
      req: () =>
        request(
          "POST",
          "self-service/login?flow=f",
          { "content-type": FORM, accept: JSON_ACCEPT },
          "identifier=%ZZ",
        ),
      status: 400,
      id: "bad_request",
    },
  ])("$name: $status $id, and Kratos never sees it", async ({ req, status, id, headers }) => {
    const { res, json, calls } = await run(req());
    expect(res.status).toBe(status);
    expect(json?.error?.id ?? json?.id ?? JSON.stringify(json)).toContain(id);
    for (const [k, v] of Object.entries(headers ?? {})) expect(res.headers.get(k)).toBe(v);
    expect(calls.forwarded).toEqual([]);
    expect(calls.warned.join("\n")).toContain(`: ${id}`);
  });
});

describe("BFF handler: checks", () => {
  const settingsPost = (accept?: string) =>
    request(
      "POST",
      "self-service/settings?flow=s",
      { cookie: COOKIE, "content-type": FORM, ...(accept ? { accept } : {}) },
      "method=password&password=p",
    );

  it.each([
    {
      name: "settings from a session that must step up (browser)",
      world: { verdict: { type: "step_up", refresh: true } } as World,
      req: () => settingsPost(),
      status: 303,
      // Back to the section of the posted method.
      location: `${APP}/login?aal=aal2&refresh=true&return_to=${encodeURIComponent(`${APP}/settings/password`)}`,
    },
    {
      name: "settings from a session that must step up (JSON)",
      world: { verdict: { type: "step_up", refresh: false } } as World,
      req: () => settingsPost(JSON_ACCEPT),
      status: 403,
      id: "session_aal2_required",
    },
    {
      name: "settings from a credential Kratos rejects",
      world: { verdict: { type: "rejected" } } as World,
      req: () => settingsPost(JSON_ACCEPT),
      status: 401,
      id: "session_invalid",
    },
    {
      name: "a rate-limited sign-in (browser, back to its flow)",
      world: { limited: true } as World,
      req: () =>
        request(
          "POST",
          "self-service/login?flow=f1",
          { "content-type": FORM },
          "method=password&identifier=a%40b.test&password=p",
        ),
      status: 303,
      location: `${APP}/login?flow=f1&notice=too_many_attempts`,
      headers: { "retry-after": "42" },
    },
    {
      name: "a rate-limited recovery email (JSON)",
      world: { limited: true } as World,
      req: () =>
        request(
          "POST",
          "self-service/recovery?flow=r",
          { "content-type": FORM, accept: JSON_ACCEPT },
          "method=code&email=a%40b.test",
        ),
      status: 429,
      id: "rate_limited",
      headers: { "retry-after": "42" },
    },
    {
      name: "an email code as second factor after an inbox first factor",
      world: { session: { type: "active", session: inboxSession("s1") } } as World,
      req: () =>
        request(
          "POST",
          "self-service/login?flow=f2",
          { cookie: COOKIE, "content-type": FORM, accept: JSON_ACCEPT },
          "method=code&code=123456",
        ),
      status: 403,
      id: "second_factor_same_channel",
    },
    {
      name: "a code submission with a session Kratos rejects",
      world: { session: { type: "rejected" } } as World,
      req: () =>
        request(
          "POST",
          "self-service/login?flow=f3",
          { cookie: COOKIE, "content-type": FORM, accept: JSON_ACCEPT },
          "method=code&code=123456",
        ),
      status: 401,
      id: "session_invalid",
    },
  ])("$name: $status, and Kratos never sees it", async ({ world, req, status, id, location, headers }) => {
    const { res, json, calls } = await run(req(), world);
    expect(res.status).toBe(status);
    if (id) expect(JSON.stringify(json)).toContain(id);
    if (location) expect(res.headers.get("location")).toBe(location);
    for (const [k, v] of Object.entries(headers ?? {})) expect(res.headers.get(k)).toBe(v);
    expect(calls.forwarded).toEqual([]);
  });

  it("answers a session token's refusal with JSON, never a redirect", async () => {
    const req = request(
      "POST",
      "self-service/settings?flow=s",
      { "x-session-token": "ory_st_abc", "content-type": FORM },
      "method=password",
    );
    const { res, json } = await run(req, { verdict: { type: "step_up", refresh: false } });
    expect(res.status).toBe(403);
    expect(JSON.stringify(json)).toContain("session_aal2_required");
  });

  it("counts a sign-in per client, account and flow", async () => {
    const req = request(
      "POST",
      "self-service/login?flow=f4",
      { "content-type": FORM },
      "method=password&identifier=a%40b.test&password=p",
    );
    const { calls } = await run(req);
    expect(calls.consumed).toHaveLength(1);
    expect(calls.consumed[0]?.map((k) => k.bucket).sort()).toEqual(["account", "flow"]);
  });
});

describe("BFF handler: what Kratos receives", () => {
  it("a form, re-encoded by the BFF with its own Content-Type, and only `flow` of the query", async () => {
    const req = request(
      "POST",
      "self-service/login?flow=f5&return_to=https%3A%2F%2Fevil.test",
      { "content-type": "Application/X-WWW-Form-Urlencoded; charset=UTF-8; x=y" },
      "identifier=a%40b.test&method=password&password=p+w&method=code",
    );
    const { res, calls } = await run(req);
    expect(res.status).toBe(200);
    expect(calls.forwarded).toHaveLength(1);
    const [sent] = calls.forwarded;
    expect(sent?.path).toBe("self-service/login");
    expect(sent?.search).toBe("?flow=f5");
    expect(new Headers(sent?.init.headers).get("content-type")).toBe(FORM);
    const body = new URLSearchParams(String(sent?.init.body));
    expect(body.getAll("method")).toEqual(["password"]);
    expect(body.get("password")).toBe("p w");
  });

  it("a JSON object as JSON, re-serialised", async () => {
    const req = request(
      "POST",
      "self-service/registration?flow=f6",
      { "content-type": "application/json; charset=utf-8" },
      '{ "method" : "password", "traits": {"email": "a@b.test"} }',
    );
    const { calls } = await run(req);
    const [sent] = calls.forwarded;
    expect(new Headers(sent?.init.headers).get("content-type")).toBe("application/json");
    expect(sent?.init.body).toBe('{"method":"password","traits":{"email":"a@b.test"}}');
  });

  it("a read's query as it came, without the app's own `notice`, which comes back on the redirect", async () => {
    const kratos = new Response(null, { status: 303, headers: { location: `${APP}/login?flow=f7` } });
    const req = request("GET", "self-service/login/browser?return_to=%2Fsettings&notice=signed_out");
    const { res, calls } = await run(req, { kratos });
    expect(calls.forwarded[0]?.search).toBe("?return_to=%2Fsettings");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${APP}/login?flow=f7&notice=signed_out`);
  });

  it("sends Kratos's settings UI redirect to the section of the form, or of the page that started the flow", async () => {
    const toSettings = (flow: string) =>
      new Response(null, { status: 303, headers: { location: `${APP}/settings?flow=${flow}` } });
    const posted = request(
      "POST",
      "self-service/settings?flow=s1",
      { cookie: COOKIE, "content-type": FORM },
      "method=totp&totp_code=123456",
    );
    const post = await run(posted, { kratos: toSettings("s1") });
    expect(post.res.headers.get("location")).toBe(`${APP}/settings/two-factor?flow=s1`);

    const started = request("GET", "self-service/settings/browser?section=sessions&notice=session_ended", {
      cookie: COOKIE,
    });
    const start = await run(started, { kratos: toSettings("s2") });
    expect(start.calls.forwarded[0]?.search).toBe("");
    expect(start.res.headers.get("location")).toBe(`${APP}/settings/sessions?flow=s2&notice=session_ended`);

    // A section the table does not have changes nothing.
    const unknown = request("GET", "self-service/settings/browser?section=%2F%2Fevil.test", {
      cookie: COOKIE,
    });
    expect((await run(unknown, { kratos: toSettings("s3") })).res.headers.get("location")).toBe(
      `${APP}/settings?flow=s3`,
    );
  });

  it("clears the session-check cache where the request can change who is signed in", async () => {
    const req = request(
      "POST",
      "self-service/registration?flow=f8",
      { "content-type": FORM },
      "method=password",
    );
    const { res } = await run(req);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/^session_check=; .*Max-Age=0.*; Secure$/m);
  });

  it("passes every Set-Cookie of Kratos back", async () => {
    const kratos = new Response("{}", { status: 200 });
    kratos.headers.append("set-cookie", "csrf_token_x=1; Path=/");
    kratos.headers.append("set-cookie", "ory_kratos_continuity=2; Path=/");
    const { res } = await run(request("GET", "self-service/login/flows?id=x"), { kratos });
    expect(res.headers.getSetCookie()).toEqual(["csrf_token_x=1; Path=/", "ory_kratos_continuity=2; Path=/"]);
  });

  it("marks a signed-out session revoked", async () => {
    const req = request("GET", "self-service/logout?token=t", { cookie: COOKIE });
    const { calls } = await run(req, { session: { type: "active", session: inboxSession("s9") } });
    expect(calls.forwarded).toHaveLength(1);
    expect(calls.revoked).toEqual(["s9"]);
  });

  it("forwards the session cookie with the other cookies, and no header off the allow-list", async () => {
    const req = request("GET", "sessions/whoami", {
      cookie: `${COOKIE}; csrf_token_x=1`,
      "x-forwarded-for": "203.0.113.9",
      "x-custom": "1",
    });
    const { calls } = await run(req);
    const sent = new Headers(calls.forwarded[0]?.init.headers);
    expect(sent.get("cookie")).toContain("ory_kratos_session=abc");
    expect(sent.get("cookie")).toContain("csrf_token_x=1");
    expect(sent.get("x-custom")).toBeNull();
    // TRUST_PROXY is off: the client's own X-Forwarded-For is not passed on.
    expect(sent.get("x-forwarded-for")).toBeNull();
  });
});

describe("BFF handler: Kratos down", () => {
  it("answers an app client 503 JSON", async () => {
    const { res, json } = await run(request("GET", "sessions/whoami", { accept: JSON_ACCEPT }), {
      kratos: "down",
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(JSON.stringify(json)).toContain("identity_service_unavailable");
  });

  it("answers a browser with the page that retries the same read", async () => {
    const { res } = await run(request("GET", "self-service/login/browser?return_to=%2F"), { kratos: "down" });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('href="/api/kratos/self-service/login/browser?return_to=%2F"');
  });

  it("retries a failed submission from the app's page it came from, never another origin's", async () => {
    const post = (referer: string) =>
      request("POST", "self-service/login?flow=f", { "content-type": FORM, referer }, "method=password");
    const same = await run(post(`${APP}/login?flow=f`), { kratos: "down" });
    expect(await same.res.text()).toContain('href="/login?flow=f"');
    const foreign = await run(post("https://evil.test/login?flow=f"), { kratos: "down" });
    expect(foreign.res.status).toBe(503);
    expect(await foreign.res.text()).not.toContain("evil.test");
  });
});

describe("BFF handler: every answer has its security headers", () => {
  it.each([
    ["a refusal", () => request("GET", "admin/identities")],
    ["Kratos's answer", () => request("GET", "sessions/whoami")],
  ])("%s", async (_name, req) => {
    const { res } = await run(req());
    expect(res.headers.get("content-security-policy")).toBeTruthy();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toBeTruthy();
  });
});
