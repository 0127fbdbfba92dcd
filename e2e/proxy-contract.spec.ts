// The BFF forwards exactly what it checked: for every encoding of a submission, what the
// factor guard and the rate limits decided and what the real Kratos did agree. Each row sends
// the same intent with another Content-Type or body shape.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { INVALID_CREDENTIALS } from "./pages/LoginPage";
import { countEmails, flushCourier, SUBJECTS } from "./support/mail";
import { signOut } from "./support/session";
import { newUser, recoverWithEmailCode, register, registerAndLogin, type TestUser } from "./support/users";
import { randomBytes } from "node:crypto";
import { pagesOf } from "./pages";
import {
  activeSessionIds,
  cookieHeaderOf,
  cookieOf,
  identityByEmail,
  registerForToken,
  sameInboxAal2AtKratos,
} from "./support/credentials";
import { requires, testEnv } from "./support/env";
import type { Flow } from "./support/kratosDirect";
import { rawRequest, type RawResponse } from "./support/raw";
import { enableTotp } from "./support/totp";
import { totpCode } from "./support/totpCode";
import { submitPasswordLogin } from "./support/users";

// Spellings of one identifier or address. Kratos v1.3.1 reads `identifier` and the recovery and
// verification `email` as Go's strings.ToLower(strings.TrimSpace(…)); the BFF forwards them
// spelled that way and counts them under that spelling (lib/policy/identifierSpelling.ts).
// Each row checks what Kratos did with a spelling and that the BFF counted it alike.
test.describe("identifier and address spellings", () => {
  const ACCEPT_JSON = { accept: "application/json" };

  /** A spelling of an account's address: `kilim-…@example.test` has a k and an i to respell. */
  interface Spelling {
    name: string;
    spell: (email: string) => string;
  }

  /** Spellings Kratos reads as the account itself. */
  const SAME_ACCOUNT: Spelling[] = [
    { name: "upper case, padded with spaces", spell: (e) => `  ${e.toUpperCase()}  ` },
    { name: "Kelvin sign (U+212A) for k", spell: (e) => e.replace(/k/g, "\u212a") },
    { name: "dotted capital I (U+0130) for i", spell: (e) => e.replace(/i/g, "\u0130") },
    { name: "led by next-line characters (U+0085)", spell: (e) => `\u0085\u0085${e}` },
  ];

  /** A spelling JS `trim()` would reduce to the account's, which Kratos reads as no account. */
  const OTHER_ACCOUNT: Spelling = { name: "led by a byte-order mark (U+FEFF)", spell: (e) => `\ufeff${e}` };

  interface Account {
    email: string;
    password: string;
    id: string;
  }

  /** A fresh account, registered through the BFF's registration API. */
  async function newAccount(request: APIRequestContext, tag: string): Promise<Account> {
    const user = newUser(tag);
    const flow = await (await request.get("/api/kratos/self-service/registration/api")).json();
    const res = await request.post(`/api/kratos/self-service/registration?flow=${flow.id}`, {
      headers: ACCEPT_JSON,
      data: { method: "password", traits: { email: user.email }, password: user.password },
    });
    expect(res.status()).toBe(200);
    return { ...user, id: (await res.json()).identity.id };
  }

  /** One password sign-in through a fresh API flow. */
  async function signIn(request: APIRequestContext, identifier: string, password: string) {
    const flow = await (await request.get("/api/kratos/self-service/login/api")).json();
    return request.post(`/api/kratos/self-service/login?flow=${flow.id}`, {
      headers: ACCEPT_JSON,
      data: { method: "password", identifier, password },
    });
  }

  /** One code request for `email` through a fresh recovery or verification API flow. */
  async function requestCode(request: APIRequestContext, flow: "recovery" | "verification", email: string) {
    const { id } = await (await request.get(`/api/kratos/self-service/${flow}/api`)).json();
    return request.post(`/api/kratos/self-service/${flow}?flow=${id}`, {
      headers: ACCEPT_JSON,
      data: { method: "code", email },
    });
  }

  for (const spelling of SAME_ACCOUNT) {
    test(
      `sign-in spelled with ${spelling.name}: Kratos signs in to the account, and the BFF counts it there`,
      { tag: "@security" },
      async ({ request }) => {
        const account = await newAccount(request, "kilim");
        const spelled = spelling.spell(account.email);
        const first = await signIn(request, spelled, account.password);
        expect(first.status(), "Kratos signs in with this spelling").toBe(200);
        expect((await first.json()).session.identity.id, "to the account").toBe(account.id);
        for (let i = 0; i < 9; i++) {
          expect((await signIn(request, account.email, `wrong-${i}`)).status()).toBe(400);
        }
        const eleventh = await signIn(request, spelled, account.password);
        expect(eleventh.status(), "the eleventh sign-in to the account").toBe(429);
        expect((await eleventh.json()).error?.id).toBe("rate_limited");
      },
    );
  }

  test(
    `sign-in spelled with ${OTHER_ACCOUNT.name}: Kratos reads another account, and the BFF does not count it against this one`,
    { tag: "@security" },
    async ({ request }) => {
      const account = await newAccount(request, "kilim");
      for (let i = 0; i < 10; i++) {
        expect((await signIn(request, account.email, `wrong-${i}`)).status()).toBe(400);
      }
      expect(
        (await signIn(request, account.email, account.password)).status(),
        "the account is limited",
      ).toBe(429);
      const other = await signIn(request, OTHER_ACCOUNT.spell(account.email), account.password);
      // Kratos's own answer: no account has this identifier.
      expect(other.status(), "Kratos answers for the other spelling").toBe(400);
      const messages = ((await other.json()).ui?.messages ?? []) as { id: number }[];
      expect(messages.map((m) => m.id)).toContain(INVALID_CREDENTIALS);
    },
  );

  const verificationEmails = (account: Account) =>
    countEmails(account.email, { subject: SUBJECTS.verification });

  /** A fresh account whose registration email (a verification code) has arrived. */
  async function newSettledAccount(request: APIRequestContext, tag: string): Promise<Account> {
    const account = await newAccount(request, tag);
    await expect.poll(() => verificationEmails(account), { timeout: 30_000 }).toBe(1);
    return account;
  }

  /** Waits until one more email to `control` arrived: every email queued before it has too. */
  async function flushCourierTo(request: APIRequestContext, control: Account): Promise<void> {
    const before = await verificationEmails(control);
    expect((await requestCode(request, "verification", control.email)).status()).toBe(200);
    await expect.poll(() => verificationEmails(control), { timeout: 30_000 }).toBe(before + 1);
  }

  for (const flow of ["recovery", "verification"] as const) {
    test(
      `${flow} codes for every spelling of one address stop at the address's limit`,
      { tag: "@security" },
      async ({ request }) => {
        const subject = SUBJECTS[flow];
        const account = await newSettledAccount(request, "kilim");
        const control = await newSettledAccount(request, "control");
        const before = await countEmails(account.email, { subject });

        for (let i = 0; i < 5; i++) {
          expect((await requestCode(request, flow, account.email)).status(), `code ${i + 1}`).toBe(200);
        }
        for (const spelling of SAME_ACCOUNT) {
          const res = await requestCode(request, flow, spelling.spell(account.email));
          expect.soft(res.status(), spelling.name).toBe(429);
        }

        await flushCourierTo(request, control);
        expect(await countEmails(account.email, { subject }), "emails in the inbox").toBe(before + 5);
      },
    );
  }
});

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

type Fields = Record<string, string>;
interface Variant {
  name: string;
  contentType: string;
  body: (f: Fields) => string;
}

const form = (f: Fields) => new URLSearchParams(f).toString();
const json = (f: Fields) => JSON.stringify(f);
const multipart = (f: Fields) =>
  Object.entries(f)
    .map(([k, v]) => `--b\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join("") + "--b--\r\n";

/** Encodings the BFF accepts: it re-encodes them, so Kratos reads what the checks read. */
const ACCEPTED: Variant[] = [
  { name: "form", contentType: FORM, body: form },
  { name: "form, upper-case type", contentType: "Application/X-WWW-Form-URLEncoded", body: form },
  { name: "form; charset=UTF-8", contentType: `${FORM}; charset=UTF-8`, body: form },
  { name: "JSON", contentType: JSON_TYPE, body: json },
  { name: "JSON, upper-case type", contentType: "APPLICATION/JSON", body: json },
  { name: "JSON; a parameter naming the form type", contentType: `${JSON_TYPE}; x="${FORM}"`, body: json },
];

/** Encodings the BFF refuses before any check: the status it answers. */
const REFUSED: (Variant & { status: number })[] = [
  { name: "JSON body, JSON then form type", contentType: `${JSON_TYPE}, ${FORM}`, body: json, status: 415 },
  { name: "form body, form then JSON type", contentType: `${FORM}, ${JSON_TYPE}`, body: form, status: 415 },
  { name: "JSON body labelled form + JSON", contentType: `${FORM}, ${JSON_TYPE}`, body: json, status: 415 },
  { name: "multipart", contentType: "multipart/form-data; boundary=b", body: multipart, status: 415 },
  { name: "text/plain", contentType: "text/plain", body: form, status: 415 },
  {
    name: "JSON, field names in upper case",
    contentType: JSON_TYPE,
    body: (f) =>
      JSON.stringify(
        Object.fromEntries(Object.entries(f).map(([k, v]) => [k[0]!.toUpperCase() + k.slice(1), v])),
      ),
    status: 400,
  },
  { name: "JSON array", contentType: JSON_TYPE, body: (f) => JSON.stringify([f]), status: 400 },
  { name: "form body labelled JSON", contentType: JSON_TYPE, body: form, status: 400 },
];

interface AalTwoFlow {
  id: string;
  csrf: string;
}

/** The aal2 login flow of the page's session, created through the BFF. */
async function aal2Flow(page: Page): Promise<AalTwoFlow> {
  const res = await page.request.get("/api/kratos/self-service/login/browser?aal=aal2", {
    headers: { accept: "application/json" },
  });
  expect(res.status()).toBe(200);
  const flow = (await res.json()) as {
    id: string;
    ui: { nodes: { attributes: { name?: string; value?: unknown } }[] };
  };
  const csrf = flow.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value;
  return { id: flow.id, csrf: String(csrf) };
}

function post(request: APIRequestContext, url: string, v: Variant, fields: Fields, accept = "*/*") {
  return request.post(url, {
    headers: { "content-type": v.contentType, accept },
    data: Buffer.from(v.body(fields)),
    maxRedirects: 0,
  });
}

function loginEmails(user: TestUser): Promise<number> {
  return countEmails(user.email, { subject: SUBJECTS.login });
}

test(
  "an inbox-first session cannot get a login code in any encoding; Kratos sends none",
  { tag: "@policy" },
  async ({ page, request }) => {
    const user = await registerAndLogin(page, "contract");
    await signOut(page);
    await recoverWithEmailCode(page, user);
    const flow = await aal2Flow(page);
    const action = `/api/kratos/self-service/login?flow=${flow.id}`;
    const sendCode = { csrf_token: flow.csrf, method: "code", address: user.email };
    const before = await loginEmails(user);

    // Refused by the factor guard: back to the flow page with the notice (each counts against
    // the session's sign-in limit, so one request per encoding).
    for (const v of ACCEPTED) {
      const res = await post(page.request, action, v, sendCode);
      expect.soft(res.status(), v.name).toBe(303);
      expect
        .soft(res.headers()["location"] ?? "", v.name)
        .toContain(`/login?flow=${flow.id}&notice=inbox_second_factor`);
    }
    const asJson = await post(page.request, action, ACCEPTED[3]!, sendCode, "application/json");
    expect.soft(asJson.status()).toBe(403);
    expect.soft((await asJson.json()).error?.id).toBe("second_factor_same_channel");
    // Refused before any check, whatever the body says.
    for (const v of REFUSED) {
      const res = await post(page.request, action, v, sendCode, "application/json");
      expect.soft(res.status(), v.name).toBe(v.status);
      const body = await res.json().catch(() => null);
      expect.soft(body?.error?.id, v.name).toBe(v.status === 415 ? "unsupported_media_type" : "bad_request");
      if (v.status === 415) {
        expect
          .soft(body?.error?.message, v.name)
          .toContain("application/x-www-form-urlencoded or application/json");
      }
    }

    await flushCourier(request, user.email);
    expect(await loginEmails(user)).toBe(before);
  },
);

test(
  "a password-first session gets its login code in every accepted encoding",
  { tag: "@policy" },
  async ({ page }) => {
    const user = await registerAndLogin(page, "contractok");
    for (const [i, v] of ACCEPTED.entries()) {
      const flow = await aal2Flow(page);
      const action = `/api/kratos/self-service/login?flow=${flow.id}`;
      const res = await post(page.request, action, v, {
        csrf_token: flow.csrf,
        method: "code",
        address: user.email,
      });
      // Kratos's own answer: a redirect to the flow for forms, the flow as JSON for JSON bodies.
      expect.soft([303, 400], v.name).toContain(res.status());
      expect.soft(res.headers()["location"] ?? "", v.name).not.toContain("notice=");
      if (res.status() === 400) expect.soft((await res.json()).id, v.name).toBe(flow.id);
      // Kratos read the re-encoded body as the same request: it sent one more code.
      await expect.poll(() => loginEmails(user), { message: v.name, timeout: 30_000 }).toBe(i + 1);
    }
  },
);

test(
  "a password sign-in works in every accepted encoding",
  { tag: "@security" },
  async ({ request, page }) => {
    const user = newUser("contractlogin");
    await register(page, user);
    for (const v of ACCEPTED) {
      const flow = await (await request.get("/api/kratos/self-service/login/api")).json();
      const res = await post(request, `/api/kratos/self-service/login?flow=${flow.id}`, v, {
        method: "password",
        identifier: user.email,
        password: user.password,
      });
      expect.soft(res.status(), v.name).toBe(200);
      expect.soft((await res.json()).session_token, v.name).toBeTruthy();
    }
  },
);

test(
  "the per-account limit counts every encoding of one account's sign-in alike",
  { tag: "@security" },
  async ({ request, page }) => {
    const user = newUser("contractlimit");
    await register(page, user);
    const attempt = async (v: Variant, fields: Fields) => {
      const flow = await (await request.get("/api/kratos/self-service/login/api")).json();
      return post(request, `/api/kratos/self-service/login?flow=${flow.id}`, v, fields, "application/json");
    };
    // Ten wrong passwords, each encoding and spelling of the same account in turn.
    for (let i = 0; i < 10; i++) {
      const v = ACCEPTED[i % ACCEPTED.length]!;
      const fields: Fields =
        i === 9
          ? { method: "password", password_identifier: user.email, password: `wrong-${i}` }
          : {
              method: "password",
              identifier: i % 2 ? user.email.toUpperCase() : user.email,
              password: `wrong-${i}`,
            };
      const res = await attempt(v, fields);
      expect.soft(res.status(), `${i}: ${v.name}`).toBe(400);
    }
    // The eleventh is stopped by the BFF, whatever the encoding, even with the right password.
    for (const v of ACCEPTED) {
      const res = await attempt(v, { method: "password", identifier: user.email, password: user.password });
      expect.soft(res.status(), v.name).toBe(429);
    }
  },
);

// One credential per request (lib/policy/credential.ts). A request names its session once, in a
// form Kratos reads one way only; otherwise it is refused with 400 before any check, at the BFF,
// at proxy.ts and at the app's own routes, and Kratos sees nothing of it. A lone credential is
// judged as Kratos judges it, and second-factor guesses count against the session's identity.
test.describe("one credential per request", () => {
  type SentHeaders = Record<string, string | string[]>;
  interface CredentialVariant {
    name: string;
    /** The refusal's error id. */
    reason: string;
    /** The variant's headers, from a browser's Cookie header and another user's session token. */
    headers: (cookie: string, otherToken: string) => SentHeaders;
  }

  const withoutSessionCookie = (cookie: string) =>
    cookie
      .split("; ")
      .filter((c) => !c.startsWith("ory_kratos_session="))
      .join("; ");

  const AMBIGUOUS: CredentialVariant[] = [
    {
      name: "cookie + Authorization: Bearer junk",
      reason: "several_credentials",
      headers: (c) => ({ cookie: c, authorization: "Bearer junk" }),
    },
    {
      name: "cookie + Authorization: bearer junk",
      reason: "several_credentials",
      headers: (c) => ({ cookie: c, authorization: "bearer junk" }),
    },
    {
      name: "cookie + Authorization: Bearer <another user's token>",
      reason: "several_credentials",
      headers: (c, t) => ({ cookie: c, authorization: `Bearer ${t}` }),
    },
    {
      name: "cookie + Authorization: Basic",
      reason: "malformed_authorization",
      headers: (c) => ({ cookie: c, authorization: "Basic dXNlcjpwYXNz" }),
    },
    {
      name: "cookie + Authorization: Token <another user's token>",
      reason: "malformed_authorization",
      headers: (c, t) => ({ cookie: c, authorization: `Token ${t}` }),
    },
    {
      name: "cookie + Authorization: (empty)",
      reason: "malformed_authorization",
      headers: (c) => ({ cookie: c, authorization: "" }),
    },
    {
      name: "cookie + Authorization: Bearer (no token)",
      reason: "malformed_authorization",
      headers: (c) => ({ cookie: c, authorization: "Bearer" }),
    },
    {
      name: "cookie + Authorization: Bearer a b",
      reason: "malformed_authorization",
      headers: (c) => ({ cookie: c, authorization: "Bearer a b" }),
    },
    {
      name: "cookie + X-Session-Token: (empty)",
      reason: "empty_session_token",
      headers: (c) => ({ cookie: c, "x-session-token": "" }),
    },
    {
      name: "cookie + X-Session-Token: junk",
      reason: "several_credentials",
      headers: (c) => ({ cookie: c, "x-session-token": "junk" }),
    },
    {
      name: "cookie + X-Session-Token: <another user's token>",
      reason: "several_credentials",
      headers: (c, t) => ({ cookie: c, "x-session-token": t }),
    },
    {
      name: "X-Session-Token twice (another user's token, junk)",
      reason: "malformed_session_token",
      headers: (c, t) => ({ cookie: withoutSessionCookie(c), "x-session-token": [t, "junk"] }),
    },
    {
      name: "X-Session-Token and Authorization: Bearer, another user's token in both",
      reason: "several_credentials",
      headers: (c, t) => ({
        cookie: withoutSessionCookie(c),
        "x-session-token": t,
        authorization: `Bearer ${t}`,
      }),
    },
    {
      name: "session cookie twice, junk first",
      reason: "duplicate_session_cookie",
      headers: (c) => ({ cookie: `ory_kratos_session=junk; ${c}` }),
    },
    {
      name: "session cookie twice, junk last",
      reason: "duplicate_session_cookie",
      headers: (c) => ({ cookie: `${c}; ory_kratos_session=junk` }),
    },
    {
      name: "session cookie twice, the first empty",
      reason: "duplicate_session_cookie",
      headers: (c) => ({ cookie: `ory_kratos_session=; ${c}` }),
    },
    {
      name: "session cookie empty + Authorization: Bearer <another user's token>",
      reason: "empty_session_cookie",
      headers: (c, t) => ({
        cookie: `${withoutSessionCookie(c)}; ory_kratos_session=`,
        authorization: `Bearer ${t}`,
      }),
    },
    {
      name: "ORY_KRATOS_SESSION=junk beside the session cookie",
      reason: "session_cookie_name_case",
      headers: (c) => ({ cookie: `ORY_KRATOS_SESSION=junk; ${c}` }),
    },
    {
      name: "the session cookie's value under the name Ory_Kratos_Session",
      reason: "session_cookie_name_case",
      headers: (c) => ({ cookie: c.replace("ory_kratos_session=", "Ory_Kratos_Session=") }),
    },
  ];

  /** Sends a request byte for byte (the variants are headers no browser would send). */
  function send(method: string, path: string, headers: SentHeaders, form?: Fields) {
    return rawRequest(testEnv.baseUrl, method, path, {
      headers: {
        accept: "application/json",
        origin: new URL(testEnv.baseUrl).origin,
        ...(form ? { "content-type": FORM } : {}),
        ...headers,
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
  }

  const errorId = (res: RawResponse) => (JSON.parse(res.text) as { error?: { id?: string } }).error?.id;

  test(
    "an ambiguous credential is refused before any check; Kratos sends no mail and changes nothing",
    { tag: ["@security", "@admin", "@direct-kratos"] },
    async ({ page, browser, request }) => {
      requires("admin", "directKratos");
      test.slow(); // four sessions of one identity, two of them from its inbox
      const victim = await registerAndLogin(page, "onecred");
      await enableTotp(page, victim);
      const victimCookie = await cookieHeaderOf(page.context());
      const otherToken = await registerForToken(newUser("onecredother"));
      const { id: identityId } = await identityByEmail(victim.email);

      // Someone who holds only the mailbox: a recovery session (the inbox, aal1) through the app…
      const inboxContext = await browser.newContext();
      const inboxPage = await inboxContext.newPage();
      await recoverWithEmailCode(inboxPage, victim);
      const stepUp = await aal2Flow(inboxPage);
      const inboxCookie = await cookieHeaderOf(inboxContext);
      // …and one that Kratos calls aal2 from two codes of that inbox (only at Kratos directly).
      const sameInbox = await sameInboxAal2AtKratos(victim);

      const sessionsBefore = await activeSessionIds(identityId);
      const mailsBefore = await loginEmails(victim);
      const targets = [
        {
          name: "step-up: send an email code (BFF, factor guard)",
          send: (h: SentHeaders) =>
            send("POST", `/api/kratos/self-service/login?flow=${stepUp.id}`, h, {
              csrf_token: stepUp.csrf,
              method: "code",
              address: victim.email,
            }),
          cookie: inboxCookie,
        },
        {
          name: "settings: unlink TOTP (BFF, settings guard)",
          send: (h: SentHeaders) =>
            send("POST", `/api/kratos/self-service/settings?flow=${sameInbox.settings.id}`, h, {
              csrf_token: sameInbox.settings.csrf,
              method: "totp",
              totp_unlink: "true",
            }),
          cookie: sameInbox.cookie,
        },
        {
          name: "/api/me (proxy.ts)",
          send: (h: SentHeaders) => send("GET", "/api/me", h),
          cookie: sameInbox.cookie,
        },
        {
          name: "sign out everywhere else (app route)",
          send: (h: SentHeaders) => send("POST", "/settings/sessions/end-others", h, {}),
          cookie: sameInbox.cookie,
        },
      ];
      for (const target of targets) {
        for (const v of AMBIGUOUS) {
          const res = await target.send(v.headers(target.cookie, otherToken));
          const where = `${target.name} | ${v.name}`;
          expect.soft(res.status, where).toBe(400);
          expect.soft(errorId(res), where).toBe(v.reason);
        }
        // The seal attack: a session-check cache minted for the strong session, sent after it,
        // beside the same-inbox session's cookie.
        const sealed = `${cookieOf(target.cookie, "ory_kratos_session")}; ${cookieOf(victimCookie, "ory_kratos_session")}; ${cookieOf(victimCookie, "session_check")}`;
        const res = await target.send({ cookie: sealed });
        expect.soft(res.status, `${target.name} | two session cookies + the strong one's seal`).toBe(400);
        expect.soft(errorId(res)).toBe("duplicate_session_cookie");
      }
      // A page answers in HTML, naming the reason too.
      const html = await send("GET", "/settings", {
        accept: "text/html",
        cookie: `${inboxCookie}; ${inboxCookie}`,
      });
      expect(html.status).toBe(400);
      expect(html.text).toContain("duplicate_session_cookie");

      // Alone, each session cookie goes to its target's own guard, which refuses it as before.
      const alone = await Promise.all(targets.map((t) => t.send({ cookie: t.cookie })));
      expect(alone.map((r) => r.status)).toEqual([403, 403, 403, 307]);
      expect(errorId(alone[0]!)).toBe("second_factor_same_channel");
      expect(errorId(alone[1]!)).toBe("session_aal2_required");
      expect(errorId(alone[2]!)).toBe("session_aal2_required");
      expect(alone[3]!.headers.location).toContain("/login?aal=aal2");

      // Kratos: no login code sent, TOTP still enrolled, no session ended.
      await flushCourier(request, victim.email);
      expect(await loginEmails(victim)).toBe(mailsBefore);
      expect((await identityByEmail(victim.email)).credentials).toHaveProperty("totp");
      expect(await activeSessionIds(identityId)).toEqual(sessionsBefore);
      await inboxContext.close();
    },
  );

  test(
    "a lone credential, in every form Kratos reads, gets the answer Kratos gives",
    { tag: "@security" },
    async () => {
      const user = newUser("lonecred");
      const token = await registerForToken(user);
      const me = (h: SentHeaders) => send("GET", "/api/me", h);
      const whoami = (h: SentHeaders) => send("GET", "/api/kratos/sessions/whoami", h);
      const lone: SentHeaders[] = [
        { authorization: `Bearer ${token}` },
        { authorization: `bearer ${token}` },
        { authorization: `BEARER ${token}` },
        { "x-session-token": token },
      ];
      for (const h of lone) {
        const [app, kratos] = [await me(h), await whoami(h)];
        const where = JSON.stringify(h).replace(token, "<token>");
        expect.soft(app.status, where).toBe(200);
        expect.soft(kratos.status, where).toBe(200);
        expect.soft(JSON.parse(app.text).identity?.id, where).toBe(JSON.parse(kratos.text).identity?.id);
        expect.soft(JSON.parse(app.text).transport, where).toBe("token");
      }
      const junk: SentHeaders[] = [{ authorization: "Bearer junk" }, { "x-session-token": "junk" }];
      for (const h of junk) {
        const [app, kratos] = [await me(h), await whoami(h)];
        expect.soft(app.status).toBe(401);
        expect.soft(errorId(app)).toBe("session_required");
        expect.soft(kratos.status).toBe(401);
      }
      // A scheme Kratos does not read is refused by the BFF and proxy.ts alike.
      const basic = { authorization: "Basic dXNlcjpwYXNz" };
      for (const res of [await me(basic), await whoami(basic)]) {
        expect.soft(res.status).toBe(400);
        expect.soft(errorId(res)).toBe("malformed_authorization");
      }

      // Fail closed: a guarded submission whose credential Kratos rejects is refused, never read
      // as "no session"; Kratos is not asked to send anything.
      const flow = JSON.parse(
        (await send("GET", "/api/kratos/self-service/login/api?aal=aal2", { "x-session-token": token })).text,
      ) as Flow;
      const before = await loginEmails(user);
      for (const h of junk) {
        const sendCode = await send("POST", `/api/kratos/self-service/login?flow=${flow.id}`, h, {
          method: "code",
          address: user.email,
        });
        expect.soft(sendCode.status).toBe(401);
        expect.soft(errorId(sendCode)).toBe("session_invalid");
        const settings = await send("GET", "/api/kratos/self-service/settings/api", h);
        expect.soft(settings.status).toBe(401);
        expect.soft(errorId(settings)).toBe("session_invalid");
      }
      // The same submission with the token itself: the guard lets it through and Kratos sends one.
      const real = await send(
        "POST",
        `/api/kratos/self-service/login?flow=${flow.id}`,
        { "x-session-token": token },
        {
          method: "code",
          address: user.email,
        },
      );
      expect([200, 400]).toContain(real.status);
      await expect.poll(() => loginEmails(user), { timeout: 30_000 }).toBe(before + 1);
    },
  );

  test(
    "second-factor guesses count against the session's identity: no body field moves them",
    { tag: "@security" },
    async ({ page, browser }) => {
      test.slow(); // twelve refused guesses, two sessions
      const user = await registerAndLogin(page, "totpguess");
      const secret = await enableTotp(page, user);
      const guesser = await browser.newPage();
      await submitPasswordLogin(guesser, user);
      await expect(guesser).toHaveURL(/\/login\?.*flow=/);
      const { stepUp } = pagesOf(guesser);
      const flowId = stepUp.flowId();
      const csrf = await stepUp.hiddenValue("csrf_token");
      const guess = (p: Page, flow: string, token: string, code: string, extra: Fields = {}) =>
        p.request.post(`/api/kratos/self-service/login?flow=${flow}`, {
          form: { csrf_token: token, method: "totp", totp_code: code, ...extra },
          maxRedirects: 0,
        });
      const wrong = () => String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, "0");

      const limited: boolean[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await guess(guesser, flowId, csrf, wrong(), {
          identifier: `${randomBytes(6).toString("hex")}@example.test`,
        });
        expect(res.status()).toBe(303);
        limited.push((res.headers()["location"] ?? "").includes("notice=too_many_attempts"));
      }
      // At most ten reach Kratos, fewer when the identity has signed in before (the step-up that
      // enrolled TOTP counted too): from the first refusal on, every guess is refused.
      const first = limited.indexOf(true);
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThanOrEqual(10);
      expect(limited.slice(first).every(Boolean)).toBe(true);
      // The right code too, now: the session stays where it was.
      const right = await guess(guesser, flowId, csrf, totpCode(secret));
      expect(right.headers()["location"]).toContain("notice=too_many_attempts");
      const whoami = await (await guesser.request.get("/api/kratos/sessions/whoami")).json();
      expect(whoami.authenticator_assurance_level).toBe("aal1");

      // Another session of the same identity draws from the same bucket.
      const second = await browser.newPage();
      await submitPasswordLogin(second, user);
      await expect(second).toHaveURL(/\/login\?.*flow=/);
      const secondStepUp = pagesOf(second).stepUp;
      const res = await guess(
        second,
        secondStepUp.flowId(),
        await secondStepUp.hiddenValue("csrf_token"),
        totpCode(secret),
      );
      expect(res.headers()["location"]).toContain("notice=too_many_attempts");
    },
  );

  test(
    "one login flow takes ten attempts, whatever identifiers they name",
    { tag: "@security" },
    async ({ request }) => {
      const flow = (await (await request.get("/api/kratos/self-service/login/api")).json()) as Flow;
      const attempt = () =>
        request.post(`/api/kratos/self-service/login?flow=${flow.id}`, {
          data: { method: "password", identifier: newUser("flowcap").email, password: "wrong-password-1" },
          headers: { accept: "application/json" },
        });
      for (let i = 0; i < 10; i++) expect((await attempt()).status(), `attempt ${i + 1}`).toBe(400);
      const eleventh = await attempt();
      expect(eleventh.status()).toBe(429);
      expect((await eleventh.json()).error?.id).toBe("rate_limited");
    },
  );
});
