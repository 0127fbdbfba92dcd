import { describe, expect, it } from "vitest";
import {
  credentialHeaders,
  MAX_COOKIES,
  resolveCredential,
  transportOf,
  type CredentialRefusalReason,
  type CredentialResolution,
} from "@/lib/policy/credential";

const TOKEN = "ory_st_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56";
const OTHER_TOKEN = "ory_st_Zz99Yy88Xx77Ww66Vv55Uu44Tt33Ss22";
const COOKIE = "MTczNjAwMDAwMHxEWDhFQVFMX2dBQUJFQUVRQUFCZl80QUFBUVp6ZEhKcGJtY01Dd0FKYzJWemMybHZibDkw";
const CSRF = "csrf_token_806060ca5bf70dff3caa0e5c860002aade9d470a5a4dce73bcfa7ba10778f481=bm9uY2U=";

const resolve = (init: Record<string, string>) => resolveCredential(new Headers(init));

function reason(r: CredentialResolution): CredentialRefusalReason | "accepted" {
  return r.ok ? "accepted" : r.reason;
}

describe("resolveCredential: one credential", () => {
  it("no credential at all", () => {
    expect(resolve({})).toEqual({ ok: true, credential: { type: "none" }, otherCookies: [] });
    expect(resolve({ cookie: CSRF })).toEqual({
      ok: true,
      credential: { type: "none" },
      otherCookies: [CSRF],
    });
  });

  it("the session cookie, with the other cookies kept as they came", () => {
    expect(resolve({ cookie: `${CSRF}; ory_kratos_session=${COOKIE}; locale=de` })).toEqual({
      ok: true,
      credential: { type: "cookie", value: COOKIE },
      otherCookies: [CSRF, "locale=de"],
    });
  });

  it("X-Session-Token", () => {
    expect(resolve({ "x-session-token": TOKEN })).toMatchObject({
      ok: true,
      credential: { type: "token", token: TOKEN, header: "x-session-token" },
    });
  });

  it.each(["Bearer", "bearer", "BEARER", "bEaReR"])(
    "Authorization with the scheme %s (Kratos lower-cases it)",
    (scheme) => {
      expect(resolve({ authorization: `${scheme} ${TOKEN}` })).toMatchObject({
        ok: true,
        credential: { type: "token", token: TOKEN, header: "authorization" },
      });
    },
  );

  it("a token beside cookies that are not the session's", () => {
    expect(resolve({ authorization: `Bearer ${TOKEN}`, cookie: CSRF })).toEqual({
      ok: true,
      credential: { type: "token", token: TOKEN, header: "authorization" },
      otherCookies: [CSRF],
    });
  });

  it("a session cookie value with the characters Go accepts, spaces inside included", () => {
    expect(resolve({ cookie: "ory_kratos_session=a b=c!#$%&'()*+-./:<>?@[]^_`{|}~" })).toMatchObject({
      ok: true,
      credential: { type: "cookie", value: "a b=c!#$%&'()*+-./:<>?@[]^_`{|}~" },
    });
  });

  it("Go's trimming around names and parts", () => {
    expect(resolve({ cookie: ` \tory_kratos_session =${COOKIE} ;  ;${CSRF}` })).toEqual({
      ok: true,
      credential: { type: "cookie", value: COOKIE },
      otherCookies: [CSRF],
    });
  });
});

describe("resolveCredential: refusals", () => {
  const cookie = `ory_kratos_session=${COOKIE}`;
  const rows: [string, Record<string, string>, CredentialRefusalReason][] = [
    // Several credentials: Kratos's order depends on whether the cookie decodes.
    ["cookie + Bearer junk", { cookie, authorization: "Bearer junk" }, "several_credentials"],
    ["cookie + bearer junk", { cookie, authorization: "bearer junk" }, "several_credentials"],
    [
      "cookie + Bearer <another token>",
      { cookie, authorization: `Bearer ${OTHER_TOKEN}` },
      "several_credentials",
    ],
    ["cookie + X-Session-Token junk", { cookie, "x-session-token": "junk" }, "several_credentials"],
    ["cookie + X-Session-Token", { cookie, "x-session-token": TOKEN }, "several_credentials"],
    [
      "X-Session-Token + Authorization, the same token",
      { "x-session-token": TOKEN, authorization: `Bearer ${TOKEN}` },
      "several_credentials",
    ],
    [
      "X-Session-Token + Authorization, two tokens",
      { "x-session-token": TOKEN, authorization: `Bearer ${OTHER_TOKEN}` },
      "several_credentials",
    ],
    // Authorization that Kratos would not read as Bearer.
    ["Authorization: Basic", { authorization: "Basic dXNlcjpwYXNz" }, "malformed_authorization"],
    [
      "cookie + Authorization: Basic",
      { cookie, authorization: "Basic dXNlcjpwYXNz" },
      "malformed_authorization",
    ],
    ["Authorization: Token <token>", { authorization: `Token ${TOKEN}` }, "malformed_authorization"],
    ["Authorization: empty", { authorization: "" }, "malformed_authorization"],
    ["Authorization: Bearer alone", { authorization: "Bearer" }, "malformed_authorization"],
    ["Authorization: Bearer + two spaces", { authorization: `Bearer  ${TOKEN}` }, "malformed_authorization"],
    ["Authorization: Bearer + tab", { authorization: `Bearer\t${TOKEN}` }, "malformed_authorization"],
    ["Authorization: Bearer a b", { authorization: "Bearer a b" }, "malformed_authorization"],
    ["Authorization: Bearerabc", { authorization: "Bearerabc" }, "malformed_authorization"],
    [
      "Authorization: Bearer <token, token>",
      { authorization: `Bearer ${TOKEN},${OTHER_TOKEN}` },
      "malformed_authorization",
    ],
    ["Authorization: Bearer <non-ASCII>", { authorization: "Bearer t\u00f6ken" }, "malformed_authorization"],
    // X-Session-Token Kratos would skip or read differently.
    ["X-Session-Token: empty", { "x-session-token": "" }, "empty_session_token"],
    ["cookie + X-Session-Token: empty", { cookie, "x-session-token": "" }, "empty_session_token"],
    // Node joins a repeated header with ", "; Go reads the first line only.
    [
      "two X-Session-Token lines",
      { "x-session-token": `${TOKEN}, ${OTHER_TOKEN}` },
      "malformed_session_token",
    ],
    ["X-Session-Token with a space", { "x-session-token": "a b" }, "malformed_session_token"],
    // Session cookies: Kratos takes the first that decodes, the app cannot tell which.
    [
      "session cookie twice, junk first",
      { cookie: `ory_kratos_session=junk; ${cookie}` },
      "duplicate_session_cookie",
    ],
    [
      "session cookie twice, junk last",
      { cookie: `${cookie}; ory_kratos_session=junk` },
      "duplicate_session_cookie",
    ],
    ["session cookie twice, same value", { cookie: `${cookie}; ${cookie}` }, "duplicate_session_cookie"],
    [
      "session cookie twice, one empty",
      { cookie: `ory_kratos_session=; ${cookie}` },
      "duplicate_session_cookie",
    ],
    [
      "session cookie twice, one without =",
      { cookie: `ory_kratos_session; ${cookie}` },
      "duplicate_session_cookie",
    ],
    ["session cookie empty", { cookie: "ory_kratos_session=" }, "empty_session_cookie"],
    ["session cookie without =", { cookie: `${CSRF}; ory_kratos_session` }, "empty_session_cookie"],
    [
      "session cookie empty + Bearer",
      { cookie: "ory_kratos_session=", authorization: `Bearer ${TOKEN}` },
      "empty_session_cookie",
    ],
    ["session cookie quoted", { cookie: `ory_kratos_session="${COOKIE}"` }, "malformed_session_cookie"],
    ["session cookie with a backslash", { cookie: "ory_kratos_session=a\\b" }, "malformed_session_cookie"],
    ["session cookie non-ASCII", { cookie: "ory_kratos_session=\u00e9" }, "malformed_session_cookie"],
    ["ORY_KRATOS_SESSION alone", { cookie: `ORY_KRATOS_SESSION=${COOKIE}` }, "session_cookie_name_case"],
    [
      "Ory_Kratos_Session beside the real one",
      { cookie: `Ory_Kratos_Session=junk; ${cookie}` },
      "session_cookie_name_case",
    ],
  ];

  it.each(rows)("%s", (_name, init, expected) => {
    const r = resolve(init);
    expect(reason(r)).toBe(expected);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
  });

  it("more cookies than Go reads (it would then see none)", () => {
    const many = Array.from({ length: MAX_COOKIES }, (_, i) => `c${i}=1`);
    expect(reason(resolve({ cookie: many.join("; ") }))).toBe("accepted");
    expect(reason(resolve({ cookie: [...many, `ory_kratos_session=${COOKIE}`].join("; ") }))).toBe(
      "too_many_cookies",
    );
  });
});

describe("credentialHeaders", () => {
  it("carries a cookie credential as the session cookie, before the other cookies", () => {
    expect(credentialHeaders({ type: "cookie", value: COOKIE }, [CSRF])).toEqual({
      cookie: `ory_kratos_session=${COOKIE}; ${CSRF}`,
    });
    expect(credentialHeaders({ type: "cookie", value: COOKIE })).toEqual({
      cookie: `ory_kratos_session=${COOKIE}`,
    });
  });

  it("carries a token in the header it came in", () => {
    expect(credentialHeaders({ type: "token", token: TOKEN, header: "x-session-token" })).toEqual({
      "x-session-token": TOKEN,
    });
    expect(credentialHeaders({ type: "token", token: TOKEN, header: "authorization" }, [CSRF])).toEqual({
      authorization: `Bearer ${TOKEN}`,
      cookie: CSRF,
    });
  });

  it("carries nothing for no credential but the other cookies", () => {
    expect(credentialHeaders({ type: "none" })).toEqual({});
    expect(credentialHeaders({ type: "none" }, [CSRF])).toEqual({ cookie: CSRF });
  });

  it("round-trips: what it builds resolves to the same credential", () => {
    const requests: Record<string, string>[] = [
      { cookie: `${CSRF}; ory_kratos_session=${COOKIE}` },
      { authorization: `bearer ${TOKEN}`, cookie: CSRF },
      { "x-session-token": TOKEN },
    ];
    for (const init of requests) {
      const first = resolve(init);
      if (!first.ok) throw new Error(first.reason);
      const again = resolve(credentialHeaders(first.credential, first.otherCookies));
      expect(again).toMatchObject({ ok: true, credential: first.credential });
    }
  });
});

describe("transportOf", () => {
  it("is token for a token, cookie otherwise", () => {
    expect(transportOf({ type: "token", token: TOKEN, header: "authorization" })).toBe("token");
    expect(transportOf({ type: "cookie", value: COOKIE })).toBe("cookie");
    expect(transportOf({ type: "none" })).toBe("cookie");
  });
});
