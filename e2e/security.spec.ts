// Security defaults seen from the browser: headers, cookies, return_to, CSRF on sign-out,
// and a Kratos that is reachable only through the app's proxy allow-list.
import { expect, test, type Page } from "@playwright/test";
import { pagesOf } from "./pages";
import { cookieHeaderOf } from "./support/credentials";
import { gateRuns, testEnv } from "./support/env";
import { rawRequest } from "./support/raw";
import { expectSignedOutEverywhere, signedInCookies, signOut } from "./support/session";
import { newUser, register, registerAndLogin, stepUpWithEmailCode } from "./support/users";

test(
  "pages carry CSP with a nonce, frame-ancestors 'none' and the other security headers",
  { tag: ["@security", "@smoke"] },
  async ({ page }) => {
    const res = await pagesOf(page).login.visit();
    const h = res!.headers();
    const csp = h["content-security-policy"]!;
    expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-powered-by"]).toBeUndefined();
  },
);

test(
  "the BFF, health and readiness answers carry the security headers too (proxy.ts skips them)",
  { tag: "@security" },
  async ({ request }) => {
    const answers = [
      await request.get("/api/kratos/self-service/login/browser", { maxRedirects: 0 }),
      await request.get("/api/kratos/nope"),
      await request.get("/api/kratos/sessions/whoami"),
      await request.get("/api/health"),
      await request.get("/api/ready"),
    ];
    for (const res of answers) {
      const h = res.headers();
      const where = `${res.status()} ${res.url()}`;
      expect(h["content-security-policy"], where).toContain("default-src 'none'");
      expect(h["content-security-policy"], where).toContain("frame-ancestors 'none'");
      expect(h["x-content-type-options"], where).toBe("nosniff");
      expect(h["x-frame-options"], where).toBe("DENY");
      expect(h["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
      expect(h["x-powered-by"], where).toBeUndefined();
    }
    expect(answers.map((r) => r.status())).toEqual([303, 404, 401, 200, 200]);
  },
);

test(
  "session and CSRF cookies are HttpOnly, SameSite=Lax, and Secure over https",
  { tag: "@security" },
  async ({ page, context, baseURL }) => {
    const user = newUser("cookies");
    await register(page, user);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "ory_kratos_session");
    const csrf = cookies.find((c) => c.name.startsWith("csrf_token"));
    for (const c of [session, csrf]) {
      expect(c, "cookie present").toBeDefined();
      expect(c!.httpOnly).toBe(true);
      expect(c!.sameSite).toBe("Lax");
      expect(c!.secure).toBe(new URL(baseURL!).protocol === "https:");
    }
  },
);

test(
  "return_to outside the allow-list is ignored: sign-in ends on the app",
  { tag: "@security" },
  async ({ page, baseURL }) => {
    const { login, secureAccount } = pagesOf(page);
    const user = newUser("returnto");
    await register(page, user);
    await page.context().clearCookies();
    // Kratos sends the browser to /login?flow=… whatever the app asked for: what the flow will
    // return to after sign-in is in the flow itself, so read it there.
    const plainSignIn = new URL("/continue", baseURL).href;
    for (const evil of ["https://evil.test/", "//evil.test", "/\\evil.test", "javascript:alert(1)"]) {
      await login.open({ return_to: evil });
      const flow = await page.request.get(`/api/kratos/self-service/login/flows?id=${login.flowId()}`, {
        headers: { accept: "application/json" },
      });
      expect(flow.status(), evil).toBe(200);
      expect((await flow.json()).return_to, evil).toBe(plainSignIn);
    }
    await login.open({ return_to: "https://evil.test/" });
    await login.signInWithPassword(user);
    if (gateRuns()) {
      await expect(secureAccount.gate).toBeVisible();
      await secureAccount.skip();
    }
    await expect(page).toHaveURL(new URL("/", baseURL).href);
  },
);

test("a valid return_to is honoured after sign-in", { tag: "@security" }, async ({ page }) => {
  const { login, secureAccount } = pagesOf(page);
  const user = newUser("returnok");
  await register(page, user);
  await page.context().clearCookies();
  await login.open({ return_to: "/?from=test" });
  await login.signInWithPassword(user);
  if (gateRuns()) await secureAccount.skip();
  await expect(page).toHaveURL(/\/\?from=test$/);
});

test(
  "cross-site sign-out is refused; same-site sign-out works",
  { tag: "@security" },
  async ({ page, browser }) => {
    const { home } = pagesOf(page);
    const user = newUser("logoutcsrf");
    await register(page, user);
    // Registration signed the user in.
    const forged = await page.request.post("/logout", {
      headers: { origin: "https://evil.test" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect((await forged.json()).error.id).toBe("forbidden_origin");
    await home.open();
    await expect(home.signedInAs).toBeVisible();
    const cookies = await signedInCookies(page);
    const real = await page.request.post("/logout", {
      headers: { origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
    expect(real.status()).toBe(303);
    await home.open();
    await expect(home.welcome).toBeVisible();
    await expectSignedOutEverywhere(browser, cookies);
  },
);

test(
  "a cross-site language switch is refused; a same-site one works",
  { tag: "@security" },
  async ({ page }) => {
    const post = (origin: string) =>
      page.request.post("/locale", {
        form: { locale: "de", return_to: "/" },
        headers: { origin },
        maxRedirects: 0,
      });
    const forged = await post("https://evil.test");
    expect(forged.status()).toBe(403);
    expect(forged.headers()["set-cookie"]).toBeUndefined();
    const real = await post(new URL(testEnv.baseUrl).origin);
    expect(real.status()).toBe(303);
    expect(real.headers()["set-cookie"]).toContain("locale=de");
  },
);

test(
  "signing out ends the session for every copy of its session-check cache",
  { tag: "@security" },
  async ({ browser }) => {
    // Someone who copied the cookies (the Kratos session and the sealed check) before the owner
    // signed out: a page the session is allowed on trusts a fresh check without asking Kratos.
    // That is the gate's page (aal1), or without the gate the session page after a step-up.
    const probe = gateRuns() ? "/secure-account" : "/session";
    const ways: [string, (page: Page) => Promise<void>][] = [
      ["the app's sign-out", (page) => signOut(page)],
      [
        "Kratos's logout link through the BFF",
        async (page) => {
          const flow = await (
            await page.request.get("/api/kratos/self-service/logout/browser", {
              headers: { accept: "application/json" },
            })
          ).json();
          const res = await page.request.get(`/api/kratos/self-service/logout?token=${flow.logout_token}`, {
            maxRedirects: 0,
          });
          expect(res.status()).toBe(303);
        },
      ],
    ];
    for (const [name, signOutBy] of ways) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const user = await registerAndLogin(page, "revoke");
      await page.goto(probe);
      if (!gateRuns()) await stepUpWithEmailCode(page, user.email);
      const copied = await cookieHeaderOf(context);
      expect(copied, name).toContain("session_check=");
      const before = await rawRequest(testEnv.baseUrl, "GET", probe, {
        headers: { cookie: copied },
      });
      expect(before.status, name).toBe(200);
      await signOutBy(page);
      const after = await rawRequest(testEnv.baseUrl, "GET", probe, {
        headers: { cookie: copied },
      });
      expect(after.status, name).toBe(307);
      expect(after.headers.location, name).toMatch(
        new RegExp(`/login\\?return_to=[^&]*${encodeURIComponent(probe)}$`),
      );
      await context.close();
    }
  },
);

test(
  "the proxy serves only Kratos's public self-service endpoints",
  { tag: "@security" },
  async ({ request, baseURL }) => {
    for (const p of ["admin/identities", "identities", "sessions", "health/ready"]) {
      const res = await request.get(`/api/kratos/${p}`);
      expect(res.status(), p).toBe(404);
      expect((await res.json()).error.id, p).toBe("not_found");
    }
    // Sent raw, so the client does not resolve the dots away: these reach the proxy itself,
    // whose route table has no such path (a page's 404 would be HTML).
    for (const p of [
      "self-service/login/../../admin/identities",
      "self-service/login/%2e%2e/%2e%2e/admin/identities",
      "self-service/login/..%2F..%2Fadmin%2Fidentities",
      "self-service%2Flogin%2F..%2F..%2Fadmin%2Fidentities",
    ]) {
      const res = await rawRequest(baseURL!, "GET", `/api/kratos/${p}`);
      expect(res.status, p).toBe(404);
      expect(JSON.parse(res.text), p).toMatchObject({ error: { id: "not_found" } });
    }
    const ok = await request.get("/api/kratos/self-service/login/api");
    expect(ok.status()).toBe(200);
  },
);

test(
  "bad input gets a clear answer, never a stack trace or a 500",
  { tag: "@security" },
  async ({ request }) => {
    const noTrace = async (res: { text(): Promise<string> }) =>
      expect(await res.text()).not.toMatch(/at \w+ \(|node_modules|Error: /);

    const badJson = await request.post("/api/kratos/self-service/login?flow=nope", {
      data: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(badJson.status()).toBe(400);
    await noTrace(badJson);

    const tooLarge = await request.post("/api/kratos/self-service/login?flow=nope", {
      data: "x".repeat(70_000),
      headers: { "content-type": "text/plain" },
    });
    expect(tooLarge.status()).toBe(413);

    // A well-formed but meaningless id (malformed encodings are e2e/bad-input.spec.ts's).
    const unknownError = await request.get("/error?id=%00%C3%BF");
    expect(unknownError.status()).toBe(200);
    await noTrace(unknownError);

    const retryElsewhere = await request.get("/unavailable?retry=//evil.test");
    expect(retryElsewhere.status()).toBe(503);
    expect(await retryElsewhere.text()).not.toContain("evil.test");

    const missing = await request.get("/no-such-page");
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toContain("Page not found");

    const brokenFlowId = await request.get("/login?flow=%E0%A4%A");
    expect(brokenFlowId.status()).toBeLessThan(500);
    await noTrace(brokenFlowId);
  },
);

test(
  "password guessing is rate limited per account, before Kratos sees it",
  { tag: "@security" },
  async ({ page }) => {
    const { login } = pagesOf(page);
    const user = newUser("ratelimit");
    await register(page, user);
    await page.context().clearCookies();
    await login.open();
    const flowId = login.flowId();
    const csrf = await login.hiddenValue("csrf_token");
    const attempt = (password: string) =>
      page.request.post(`/api/kratos/self-service/login?flow=${flowId}`, {
        form: { csrf_token: csrf, identifier: user.email.toUpperCase(), password, method: "password" },
        maxRedirects: 0,
      });

    // Ten wrong guesses reach Kratos, which answers with the flow page (its own error).
    for (let i = 0; i < 10; i++) {
      const res = await attempt(`wrong-${i}-password`);
      expect(res.status()).toBe(303);
      expect(res.headers()["location"]).not.toContain("too_many_attempts");
    }
    // The eleventh is stopped by the proxy, even with the right password.
    const blocked = await attempt(user.password);
    expect(blocked.status()).toBe(303);
    expect(blocked.headers()["location"]).toContain(`/login?flow=${flowId}&notice=too_many_attempts`);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);

    await page.goto(blocked.headers()["location"]!);
    await expect(login.tooManyAttemptsNotice).toBeVisible();

    const asJson = await page.request.post(`/api/kratos/self-service/login?flow=${flowId}`, {
      data: { csrf_token: csrf, identifier: user.email, password: user.password, method: "password" },
      headers: { accept: "application/json" },
    });
    expect(asJson.status()).toBe(429);
    expect(await asJson.json()).toMatchObject({ error: { id: "rate_limited" } });
  },
);
