// What if Kratos's public port were reachable directly? Then the same-inbox bypass can be
// done at Kratos, out of the app's reach. These tests do exactly that (a recovery code or a
// sign-in with a mailbox provider, then an email code to the same inbox: Kratos says aal2) and
// show that the app still refuses the session on every route it protects, the BFF's settings
// guard included. Run only when KRATOS_PUBLIC_URL_DIRECT is set (npm test sets it for its
// loopback Kratos).
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type BrowserContext,
} from "@playwright/test";
import { pagesOf } from "./pages";
import { requires, testEnv } from "./support/env";
import { browserFlow, csrfOf, emailCodeStepUp, recoverByCode } from "./support/kratosDirect";
import { MAIL, signInWithProvider } from "./support/oidc";
import { signOut } from "./support/session";
import { openSettings, registerAndLogin } from "./support/users";

const json = { accept: "application/json" };

interface Whoami {
  authenticator_assurance_level: string;
  authentication_methods: { method: string; provider?: string }[];
  identity: { traits: Record<string, unknown> };
}

/** Kratos's public API reached directly, with the browser's Kratos session cookie. */
async function kratosWithSessionOf(context: BrowserContext): Promise<APIRequestContext> {
  const session = (await context.cookies()).find((c) => c.name === "ory_kratos_session");
  expect(session, "a Kratos session cookie").toBeDefined();
  const direct = new URL(testEnv.kratosPublicUrlDirect!);
  return playwrightRequest.newContext({
    baseURL: direct.origin,
    storageState: {
      cookies: [{ ...session!, domain: direct.hostname, path: "/", secure: false }],
      origins: [],
    },
  });
}

/** Puts the cookies Kratos set on the direct context into the browser, for the app's origin. */
async function useKratosCookiesInBrowser(kratos: APIRequestContext, context: BrowserContext): Promise<void> {
  const { cookies } = await kratos.storageState();
  await context.clearCookies();
  await context.addCookies(cookies.map((c) => ({ name: c.name, value: c.value, url: testEnv.baseUrl })));
}

test(
  "a same-inbox aal2 session made at Kratos directly is still not trusted by the app",
  { tag: ["@policy", "@direct-kratos"] },
  async ({ page, context }) => {
    requires("directKratos");
    const user = await registerAndLogin(page, "exposed");
    await context.clearCookies();

    const kratos = await playwrightRequest.newContext({ baseURL: testEnv.kratosPublicUrlDirect });
    // 1. Recovery by emailed code, straight at Kratos.
    const recovered = await recoverByCode(kratos, user.email);
    expect((await recovered.json()).error?.id).toBe("browser_location_change_required");

    // 2. "Second factor": an email code to the same inbox, straight at Kratos.
    await emailCodeStepUp(kratos, user.email);
    const whoami = await (await kratos.get("/sessions/whoami", { headers: json })).json();
    expect(whoami.authenticator_assurance_level).toBe("aal2"); // Kratos is fooled
    expect(whoami.authentication_methods.map((m: { method: string }) => m.method)).toEqual([
      "code_recovery",
      "code",
    ]);

    // 3. The same session cookie in the browser, on the app.
    const session = (await kratos.storageState()).cookies.find((c) => c.name === "ory_kratos_session")!;
    await context.addCookies([{ name: session.name, value: session.value, url: testEnv.baseUrl }]);
    await kratos.dispose();

    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(403);
    expect(await me.json()).toMatchObject({ error: { id: "session_aal2_required" } });

    // Step-up with refresh=true; this user has no factor besides the inbox, so: the dead end.
    const { session: sessionPage, settings, stepUp: stepUpPage } = pagesOf(page);
    await sessionPage.open();
    await expect(page).toHaveURL(/\/login\?.*flow=/);
    await expect(stepUpPage.deadEnd).toBeVisible();
    await settings.open();
    await expect(stepUpPage.deadEnd).toBeVisible();
    // Not even Kratos's settings endpoints are reachable with it through the proxy.
    const settingsInit = await page.request.get("/api/kratos/self-service/settings/browser", {
      maxRedirects: 0,
    });
    expect(settingsInit.status()).toBe(303);
    expect(settingsInit.headers()["location"]).toMatch(/\/login\?aal=aal2&refresh=true/);
    const settingsApi = await page.request.get("/api/kratos/self-service/settings/api", { headers: json });
    expect(settingsApi.status()).toBe(403);
    expect((await settingsApi.json()).error.id).toBe("session_aal2_required");
    // Nor through the Ory Elements start, which asks Kratos for a settings flow itself.
    if (testEnv.features.includes("elements")) {
      const elementsStart = await page.request.get("/elements/start/settings", { maxRedirects: 0 });
      expect(elementsStart.status()).toBe(303);
      expect(elementsStart.headers()["location"]).toMatch(
        /\/login\?aal=aal2&refresh=true&return_to=[^&]*elements%2Fsettings/,
      );
    }
  },
);

test(
  "a mailbox-provider sign-in plus an email code, made aal2 at Kratos directly, cannot change settings through the BFF",
  { tag: ["@policy", "@direct-kratos", "@oidc"] },
  async ({ page, context }) => {
    requires("directKratos", "oidcTestProvider");
    test.slow(); // a sign-up, a step-up, the provider twice and two email codes
    const { settings, oidcProvider } = pagesOf(page);
    // A password account that can reach aal2 (password + email code), linked to the provider
    // that hosts mailboxes (OIDC_MAILBOX_PROVIDERS): signing in there stands for the inbox.
    const user = await registerAndLogin(page, "exposed-mailbox");
    await openSettings(page, user, "linked-accounts");
    await settings.linkButton(MAIL.label).click();
    await oidcProvider.signInAndAllow(user.email);
    await settings.expectSection("linked-accounts");
    await signOut(page);

    // 1. The first factor: the mailbox provider, through the app.
    await signInWithProvider(page, MAIL, user.email);
    await expect
      .poll(async () => (await context.cookies()).some((c) => c.name === "ory_kratos_session"))
      .toBe(true);

    // 2. "Second factor": an email code to the inbox that provider holds, straight at Kratos
    // (the app's factor guard refuses it).
    const kratos = await kratosWithSessionOf(context);
    await emailCodeStepUp(kratos, user.email);
    const before = (await (await kratos.get("/sessions/whoami", { headers: json })).json()) as Whoami;
    expect(before.authenticator_assurance_level).toBe("aal2"); // Kratos is fooled
    expect(before.authentication_methods.map((m) => m.method)).toEqual(["oidc", "code"]);
    expect(before.authentication_methods[0]!.provider).toBe(MAIL.id);

    // 3. A settings flow Kratos starts for it, and a profile change sent through the BFF.
    const settingsFlow = await browserFlow(kratos, "/self-service/settings/browser");
    expect(settingsFlow.id).toBeTruthy();
    await useKratosCookiesInBrowser(kratos, context);
    const change = await page.request.post(`/api/kratos/self-service/settings?flow=${settingsFlow.id}`, {
      headers: json,
      form: {
        csrf_token: csrfOf(settingsFlow),
        method: "profile",
        "traits.email": user.email,
        "traits.name": "Changed by an inbox-only session",
      },
      maxRedirects: 0,
    });
    // The app judges with the deployment's policy, where "local" is the inbox: inbox + inbox.
    expect(change.status()).toBe(403);
    expect((await change.json()).error.id).toBe("session_aal2_required");
    const after = (await (await kratos.get("/sessions/whoami", { headers: json })).json()) as Whoami;
    expect(after.identity.traits).toEqual(before.identity.traits);
    await kratos.dispose();
  },
);
