// Sign-in with an OpenID Connect provider: the stacks' local provider (a real, certified OpenID
// provider implementation) appears to Kratos as "Local Mail" (`local`, listed as a provider that
// hosts its users' mailboxes) and "Local SSO" (`local-sso`, one that does not). Through the app's
// pages and BFF only; the Kratos admin API checks what became of the identities.
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { pagesOf } from "./pages";
import { requiresFeature, gateRuns, requires, testEnv } from "./support/env";
import { MAIL, signInWithProvider, SSO } from "./support/oidc";
import { signOut } from "./support/session";
import { enableTotp, stepUpWithTotp } from "./support/totp";
import { newUser, openSettings, registerAndLogin, stepUpWithEmailCode } from "./support/users";

/** "You tried to sign in with …, but that email is already used by another account…" */
const LINK_EXISTING_ACCOUNT = 1010016;

interface AdminIdentity {
  id: string;
  traits: { email: string; name?: string };
  verifiable_addresses?: { value: string; verified: boolean }[];
  credentials?: Record<string, { identifiers?: string[] }>;
}

/** The identities whose email (a credential identifier) is `email`, with their credentials. */
async function identitiesWithEmail(email: string): Promise<AdminIdentity[]> {
  const admin = await playwrightRequest.newContext({ baseURL: testEnv.kratosAdminUrl });
  try {
    const res = await admin.get(`/admin/identities?credentials_identifier=${encodeURIComponent(email)}`);
    expect(res.status()).toBe(200);
    const found = (await res.json()) as AdminIdentity[];
    return await Promise.all(
      found.map(async (i) => (await (await admin.get(`/admin/identities/${i.id}`)).json()) as AdminIdentity),
    );
  } finally {
    await admin.dispose();
  }
}

const oidcIdentifiers = (i: AdminIdentity) => i.credentials?.oidc?.identifiers ?? [];

// Every test here is the OIDC feature's (tagged @oidc): skipped while FEATURES turns it off.
requiresFeature("oidc");

async function skipGate(page: Page): Promise<void> {
  if (!gateRuns()) return;
  const { secureAccount } = pagesOf(page);
  await expect(secureAccount.gate).toBeVisible();
  await secureAccount.skip();
}

test.describe("sign-in with an OpenID provider", () => {
  requires("oidcTestProvider", "admin");

  test(
    "signs up with the provider (consent on its page), signs out, signs in again with it",
    { tag: ["@auth", "@oidc", "@admin"] },
    async ({ page }) => {
      const { registration, oidcProvider, home } = pagesOf(page);
      const { email } = newUser("oidc-signup");
      // Kratos answers the provider button with a redirect to the provider: form-action allows it.
      const csp = (await registration.open())?.headers()["content-security-policy"] ?? "";
      expect(csp).toMatch(new RegExp(`form-action [^;]*${new URL(testEnv.oidcTestProviderUrl!).origin}`));
      await registration.startWithProvider(MAIL.label);
      await oidcProvider.expectOpen();
      await oidcProvider.email.fill(email);
      await oidcProvider.name.fill("Ada Provider");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(oidcProvider.allowButton).toBeVisible();
      await oidcProvider.allowButton.click();
      // Back in the app, signed in: the enrollment gate asks once for a second factor.
      await skipGate(page);
      await home.open();
      await expect(home.signedInAs).toContainText(email);

      const [identity, ...others] = await identitiesWithEmail(email);
      expect(others).toHaveLength(0);
      expect(identity!.traits).toEqual({ email, name: "Ada Provider" });
      expect(oidcIdentifiers(identity!)).toEqual([`${MAIL.id}:${email}`]);
      // The provider says the address is verified, and the claims mapper passes that on.
      expect(identity!.verifiable_addresses).toEqual([
        expect.objectContaining({ value: email, verified: true }),
      ]);

      await signOut(page);
      await signInWithProvider(page, MAIL, email);
      await home.open();
      await expect(home.signedInAs).toContainText(email);
      expect(await identitiesWithEmail(email)).toHaveLength(1);
    },
  );

  test(
    "denying the app at the provider lands back on sign-in with a clear message, signed out",
    { tag: ["@auth", "@oidc", "@admin"] },
    async ({ page }) => {
      const { login, oidcProvider } = pagesOf(page);
      const { email } = newUser("oidc-deny");
      await login.startWithProvider(SSO.label);
      await oidcProvider.expectOpen();
      await oidcProvider.email.fill(email);
      await page.getByRole("button", { name: "Sign in" }).click();
      await oidcProvider.denyButton.click();
      await expect(page).toHaveURL(/\/login\?flow=/);
      await expect(login.providerDidNotSignIn).toBeVisible();
      await expect(login.providerButton(SSO.label)).toBeVisible();
      expect(await identitiesWithEmail(email)).toHaveLength(0);
    },
  );

  test(
    "a password user links the provider in settings, signs in with it, then unlinks it",
    { tag: ["@auth", "@oidc", "@admin"] },
    async ({ page }) => {
      const { settings, oidcProvider, home, stepUp } = pagesOf(page);
      const user = await registerAndLogin(page, "oidc-link");
      await openSettings(page, user, "linked-accounts");
      await expect(settings.oidcIntro).toBeVisible();
      await expect(settings.unlinkButton(SSO.label)).toHaveCount(0);
      await settings.linkButton(SSO.label).click();
      await oidcProvider.signInAndAllow(user.email);
      // Back from the provider to the section the link started in.
      await settings.expectSection("linked-accounts");
      await expect(settings.unlinkButton(SSO.label)).toBeVisible();
      await expect(settings.linkButton(SSO.label)).toHaveCount(0);
      const [identity] = await identitiesWithEmail(user.email);
      expect(oidcIdentifiers(identity!)).toEqual([`${SSO.id}:${user.email}`]);

      await signOut(page);
      await signInWithProvider(page, SSO, user.email);
      await home.open();
      await expect(home.signedInAs).toContainText(user.email);

      // Settings need a second factor; after a provider that holds no mailbox, an email code is one.
      await settings.open();
      await stepUp.expectOpen();
      expect(await stepUp.methods()).toContain("code");
      await expect(stepUp.inboxCodeHidden).toHaveCount(0);
      await stepUpWithEmailCode(page, user.email);
      await settings.expectOpen();
      await settings.goTo("linked-accounts");
      await settings.unlinkButton(SSO.label).click();
      await settings.expectSection("linked-accounts");
      await expect(settings.saved).toBeVisible();
      await expect(settings.linkButton(SSO.label)).toBeVisible();
      const [after] = await identitiesWithEmail(user.email);
      expect(oidcIdentifiers(after!)).toEqual([]);
    },
  );

  test(
    "the provider that is someone's only way to sign in cannot be unlinked, and says why",
    { tag: ["@auth", "@oidc", "@admin"] },
    async ({ page }) => {
      const { settings, stepUp } = pagesOf(page);
      const { email } = newUser("oidc-last");
      await signInWithProvider(page, SSO, email);
      await skipGate(page);
      await settings.open();
      await stepUp.expectOpen();
      await stepUpWithEmailCode(page, email);
      await settings.expectOpen();
      await settings.goTo("linked-accounts");
      // Kratos offers no unlink for the last sign-in method; the section says so.
      await expect(settings.unlinkButton(SSO.label)).toHaveCount(0);
      await expect(settings.oidcIntro).toContainText("as long as another way to sign in remains");

      // A hand-made unlink is refused by Kratos, and the page says why in words.
      const flowId = settings.flowId();
      const res = await page.request.post(`/api/kratos/self-service/settings?flow=${flowId}`, {
        form: { csrf_token: await settings.hiddenValue("csrf_token"), unlink: SSO.id },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(303);
      await page.goto(res.headers()["location"]!);
      await expect(settings.lastSignInMethodRefused).toBeVisible();
      const [identity] = await identitiesWithEmail(email);
      expect(oidcIdentifiers(identity!)).toEqual([`${SSO.id}:${email}`]);
    },
  );

  test(
    "the provider's email already has a password account: signing in with the password links it, no second identity",
    { tag: ["@auth", "@oidc", "@admin"] },
    async ({ page }) => {
      const { login, home } = pagesOf(page);
      const user = await registerAndLogin(page, "oidc-dup");
      await page.context().clearCookies();

      await signInWithProvider(page, MAIL, user.email);
      // Kratos asks to sign in with the existing method to link the provider.
      await expect(page).toHaveURL(/\/login\?flow=/);
      await expect(login.message(LINK_EXISTING_ACCOUNT)).toContainText(user.email);
      await expect(login.message(LINK_EXISTING_ACCOUNT)).toContainText(MAIL.label);
      await login.password.fill(user.password);
      await page.getByRole("button", { name: "Sign in with password" }).click();
      await expect(page).not.toHaveURL(/\/login/);
      await home.open();
      await expect(home.signedInAs).toContainText(user.email);

      const identities = await identitiesWithEmail(user.email);
      expect(identities).toHaveLength(1);
      expect(oidcIdentifiers(identities[0]!)).toEqual([`${MAIL.id}:${user.email}`]);

      // From now on the provider alone signs in to the same account.
      await signOut(page);
      await signInWithProvider(page, MAIL, user.email);
      await home.open();
      await expect(home.signedInAs).toContainText(user.email);
      expect(await identitiesWithEmail(user.email)).toHaveLength(1);
    },
  );
});

test(
  "step-up after a mailbox provider offers no email code, and a hand-made code POST is refused",
  { tag: ["@auth", "@policy", "@oidc"] },
  async ({ page }) => {
    requires("oidcTestProvider");
    const { settings, oidcProvider, stepUp, session } = pagesOf(page);
    const user = await registerAndLogin(page, "oidc-stepup");
    const secret = await enableTotp(page, user);
    await settings.goTo("linked-accounts");
    await settings.linkButton(MAIL.label).click();
    await oidcProvider.signInAndAllow(user.email);
    await settings.expectSection("linked-accounts");
    await expect(settings.unlinkButton(MAIL.label)).toBeVisible();
    await signOut(page);

    // Signed in with the provider that may hold the mailbox: the email code would be the same account twice.
    await signInWithProvider(page, MAIL, user.email);
    await stepUp.expectOpen();
    expect(await stepUp.methods()).toEqual(["totp"]);
    await expect(stepUp.inboxCodeHidden).toContainText(`You signed in with ${MAIL.id}`);
    await expect(stepUp.sendEmailCodeButtons).toHaveCount(0);

    const flowId = stepUp.flowId();
    const action = `/api/kratos/self-service/login?flow=${flowId}`;
    const csrf = await stepUp.hiddenValue("csrf_token");
    const asForm = await page.request.post(action, {
      form: { csrf_token: csrf, address: user.email },
      maxRedirects: 0,
    });
    expect(asForm.status()).toBe(303);
    expect(asForm.headers()["location"]).toContain(`/login?flow=${flowId}&notice=inbox_second_factor`);
    const asJson = await page.request.post(action, {
      data: { csrf_token: csrf, method: "code", code: "123456" },
      headers: { accept: "application/json" },
    });
    expect(asJson.status()).toBe(403);
    expect((await asJson.json()).error.id).toBe("second_factor_same_channel");

    await stepUpWithTotp(page, secret);
    await session.open();
    await expect(session.effectiveAal).toHaveText("aal2");
    await expect(session.amr).toContainText("oidc");
    await expect(session.amr).toContainText("totp");
  },
);
