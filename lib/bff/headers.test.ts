import { describe, expect, it } from "vitest";
import { forwardRequestHeaders, returnedResponseHeaders } from "@/lib/bff/headers";
import { resolveCredential, type ResolvedCredential } from "@/lib/policy/credential";

function resolved(h: Headers): ResolvedCredential {
  const r = resolveCredential(h);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe("forwardRequestHeaders", () => {
  const incoming = new Headers({
    accept: "application/json",
    "accept-language": "de-CH, en;q=0.8",
    "content-type": "application/x-www-form-urlencoded",
    cookie: "csrf_token_abc=xyz; ory_kratos_session=s3ss10n",
    "user-agent": "Mozilla/5.0 test",
    host: "evil.test",
    "x-forwarded-host": "evil.test",
    "x-forwarded-proto": "http",
    "x-forwarded-for": "6.6.6.6",
    "x-real-ip": "6.6.6.6",
    "true-client-ip": "6.6.6.6",
    forwarded: "for=6.6.6.6;host=evil.test",
    origin: "https://evil.test",
    referer: "https://evil.test/page",
    "content-length": "42",
    connection: "keep-alive",
    "x-custom": "1",
  });

  it("keeps exactly the allow-listed headers and the credential", () => {
    const out = forwardRequestHeaders(incoming, resolved(incoming));
    expect([...out.keys()].sort()).toEqual(["accept", "accept-language", "cookie", "user-agent"]);
    expect(out.get("accept-language")).toBe("de-CH, en;q=0.8");
  });

  it("rebuilds the Cookie header: the one session cookie first, the others as they came", () => {
    const h = new Headers({
      cookie: " a=1 ;csrf_token_abc=xyz;  ory_kratos_session=s3ss10n; ory_kratos_continuity=c",
    });
    expect(forwardRequestHeaders(h, resolved(h)).get("cookie")).toBe(
      "ory_kratos_session=s3ss10n; a=1; csrf_token_abc=xyz; ory_kratos_continuity=c",
    );
  });

  it("forwards a token in the header it came in, with the cookies but no session cookie", () => {
    const bearer = new Headers({ authorization: "bearer ory_st_abc", cookie: "csrf_token_abc=xyz" });
    const out = forwardRequestHeaders(bearer, resolved(bearer));
    expect(out.get("authorization")).toBe("Bearer ory_st_abc");
    expect(out.has("x-session-token")).toBe(false);
    expect(out.get("cookie")).toBe("csrf_token_abc=xyz");
    const explicit = new Headers({ "x-session-token": "ory_st_abc" });
    const out2 = forwardRequestHeaders(explicit, resolved(explicit));
    expect(out2.get("x-session-token")).toBe("ory_st_abc");
    expect(out2.has("authorization")).toBe(false);
    expect(out2.has("cookie")).toBe(false);
  });

  it("never forwards the client's credential headers as sent", () => {
    // Whatever the request says, Kratos sees the resolved credential only.
    const out = forwardRequestHeaders(incoming, {
      credential: { type: "token", token: "ory_st_resolved", header: "x-session-token" },
      otherCookies: [],
    });
    expect(out.get("x-session-token")).toBe("ory_st_resolved");
    expect(out.has("cookie")).toBe(false);
    expect(out.has("authorization")).toBe(false);
  });

  it("drops Host, Origin, Referer, the client's Content-Type and every forwarding header", () => {
    const out = forwardRequestHeaders(incoming, resolved(incoming));
    for (const name of [
      "content-type",
      "host",
      "origin",
      "referer",
      "x-forwarded-host",
      "x-forwarded-proto",
      "x-forwarded-for",
      "x-real-ip",
      "true-client-ip",
      "forwarded",
      "content-length",
      "connection",
      "x-custom",
    ]) {
      expect(out.has(name)).toBe(false);
    }
  });

  it("sets X-Forwarded-For and True-Client-Ip from the client IP only, replacing what the client sent", () => {
    const out = forwardRequestHeaders(incoming, resolved(incoming), { clientIp: "203.0.113.7" });
    expect(out.get("x-forwarded-for")).toBe("203.0.113.7");
    expect(out.get("true-client-ip")).toBe("203.0.113.7");
  });

  it("sets no X-Forwarded-For without a client IP", () => {
    expect(forwardRequestHeaders(incoming, resolved(incoming), {}).has("x-forwarded-for")).toBe(false);
    expect(forwardRequestHeaders(incoming, resolved(incoming), { clientIp: "" }).has("x-forwarded-for")).toBe(
      false,
    );
  });

  it("returns empty headers for an empty request", () => {
    const none = new Headers();
    expect([...forwardRequestHeaders(none, resolved(none)).keys()]).toEqual([]);
  });

  it("does not modify the incoming headers", () => {
    const h = new Headers({ host: "a.test", cookie: "c=1" });
    forwardRequestHeaders(h, resolved(h), { clientIp: "203.0.113.7" });
    expect(h.get("host")).toBe("a.test");
    expect(h.has("x-forwarded-for")).toBe(false);
  });
});

describe("returnedResponseHeaders", () => {
  function upstream(): Headers {
    const h = new Headers();
    h.append("set-cookie", "csrf_token_abc=xyz; Path=/; HttpOnly; SameSite=Lax");
    h.append(
      "set-cookie",
      "ory_kratos_session=s3ss10n; Path=/; Expires=Wed, 21 Oct 2099 07:28:00 GMT; HttpOnly",
    );
    h.set("location", "http://localhost:3000/login?flow=abc");
    h.set("content-type", "application/json; charset=utf-8");
    h.set("cache-control", "private, no-cache, no-store, must-revalidate");
    h.set("etag", '"abc"');
    h.set("last-modified", "Wed, 21 Oct 2015 07:28:00 GMT");
    h.set("access-control-allow-origin", "*");
    h.set("access-control-allow-credentials", "true");
    h.set("content-length", "123");
    h.set("content-encoding", "gzip");
    h.set("transfer-encoding", "chunked");
    h.set("x-powered-by", "kratos");
    h.set("server", "kratos");
    h.set("vary", "Origin");
    return h;
  }

  it("keeps several Set-Cookie values as separate cookies", () => {
    const out = returnedResponseHeaders(upstream());
    expect(out.getSetCookie()).toEqual([
      "csrf_token_abc=xyz; Path=/; HttpOnly; SameSite=Lax",
      "ory_kratos_session=s3ss10n; Path=/; Expires=Wed, 21 Oct 2099 07:28:00 GMT; HttpOnly",
    ]);
  });

  it("keeps location, content-type and the caching headers", () => {
    const out = returnedResponseHeaders(upstream());
    expect(out.get("location")).toBe("http://localhost:3000/login?flow=abc");
    expect(out.get("content-type")).toBe("application/json; charset=utf-8");
    expect(out.get("cache-control")).toBe("private, no-cache, no-store, must-revalidate");
    expect(out.get("etag")).toBe('"abc"');
    expect(out.get("last-modified")).toBe("Wed, 21 Oct 2015 07:28:00 GMT");
  });

  it("drops everything else", () => {
    const out = returnedResponseHeaders(upstream());
    expect([...new Set(out.keys())].sort()).toEqual([
      "cache-control",
      "content-type",
      "etag",
      "last-modified",
      "location",
      "set-cookie",
    ]);
  });

  it("adds no headers the upstream did not send", () => {
    const h = new Headers({ "content-type": "text/html" });
    const out = returnedResponseHeaders(h);
    expect([...out.keys()]).toEqual(["content-type"]);
    expect(out.getSetCookie()).toEqual([]);
  });
});
