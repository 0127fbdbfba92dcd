import { expect, test, type Page } from "@playwright/test";
import { pagesOf } from "./pages";
import { EMAIL_VERIFIED } from "./pages/VerificationPage";
import { SUBJECTS, waitForCode } from "./support/mail";
import { expectSignedOutEverywhere, signedInCookies, signOut } from "./support/session";
import { enableTotp, stepUpWithTotp } from "./support/totp";
import {
  newUser,
  openSettings,
  recoverWithEmailCode,
  register,
  registerAndLogin,
  submitPasswordLogin,
} from "./support/users";
import { addVirtualAuthenticator } from "./support/webauthn";
import { gateRuns } from "./support/env";

test(
  "registration is followed by email verification with the emailed code",
  { tag: ["@auth", "@smoke"] },
  async ({ page }) => {
    const { verification } = pagesOf(page);
    const user = newUser("verify");
    const since = new Date();
    await register(page, user);
    await verification.submitCode(await waitForCode(user.email, SUBJECTS.verification, since));
    await expect(verification.message(EMAIL_VERIFIED)).toBeVisible();
  },
);

test(
  "recovery by email code, second step with TOTP, new password, sign in with it",
  { tag: ["@auth", "@mfa", "@smoke"] },
  async ({ page }) => {
    // The longest journey of the suite (three emails, two step-ups): three times the timeout.
    test.slow();
    const { stepUp, settings, home } = pagesOf(page);
    const user = await registerAndLogin(page, "recover");
    const secret = await enableTotp(page, user);
    await signOut(page);

    await recoverWithEmailCode(page, user);

    // Settings need aal2; the email code is hidden after an email recovery code.
    await expect(stepUp.title).toBeVisible();
    await expect(stepUp.inboxCodeHidden).toBeVisible();
    await stepUpWithTotp(page, secret);

    await settings.expectOpen();
    const newPassword = `${user.password}-new`;
    await settings.changePassword(newPassword);
    await expect(settings.saved).toBeVisible();

    await signOut(page);
    await submitPasswordLogin(page, { ...user, password: newPassword });
    await stepUpWithTotp(page, secret);
    await home.open();
    await expect(home.signedInAs).toContainText(user.email);
  },
);

test("a profile change persists", { tag: "@auth" }, async ({ page }) => {
  const { settings } = pagesOf(page);
  const user = await registerAndLogin(page, "profile");
  await openSettings(page, user);
  await settings.saveFullName("Ada Lovelace");
  await expect(settings.saved).toBeVisible();
  await openSettings(page, user);
  await expect(settings.fullName).toHaveValue("Ada Lovelace");
});

test(
  "sign-out ends the session: a protected page sends you to sign in",
  { tag: ["@auth", "@smoke"] },
  async ({ page, browser }) => {
    const { session, login } = pagesOf(page);
    await registerAndLogin(page, "logout");
    const cookies = await signedInCookies(page);
    await signOut(page);
    await session.open();
    await expect(page).toHaveURL(/\/login\?flow=/);
    await expect(login.title).toBeVisible();
    // Not only this browser's cookie is gone: the session is over.
    await expectSignedOutEverywhere(browser, cookies);
  },
);

test(
  "an unknown or malformed flow id lands on a fresh flow, not an error",
  { tag: "@auth" },
  async ({ page }) => {
    const { login, registration } = pagesOf(page);
    // Written into the URL as they are (not re-encoded), as a hand-edited link would be.
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-flow", "'%3Cscript%3E"]) {
      await page.goto(`/login?flow=${id}`);
      await expect(page).toHaveURL(/\/login\?flow=[0-9a-f-]{36}/);
      await expect(page).not.toHaveURL(new RegExp(id));
      await expect(login.title).toBeVisible();
    }
    await registration.open("?flow=00000000-0000-4000-8000-000000000000");
    await expect(registration.flowExpiredNotice).toBeVisible();
    await expect(registration.title).toBeVisible();
  },
);

test.describe("passkeys", { tag: "@auth" }, () => {
  async function registerWithPasskey(page: Page) {
    const authenticator = await addVirtualAuthenticator(page, { residentKey: true });
    const { registration } = pagesOf(page);
    const user = newUser("passkey");
    await registration.open();
    await registration.signUpWithPasskey(user.email);
    expect(await authenticator.credentialCount()).toBe(1);
    await page.context().clearCookies();
    return user;
  }

  async function expectSignedInAs(page: Page, email: string) {
    const { secureAccount, home } = pagesOf(page);
    // A passkey is a first factor; the enrollment gate (when it runs) asks for an independent second one.
    // Signing in leaves the login page (autofill signs in on its own, a moment after the visit).
    await expect(page).not.toHaveURL(/\/login/);
    if (gateRuns()) await expect(secureAccount.gate).toBeVisible();
    await home.open();
    await expect(home.signedInAs).toContainText(email);
  }

  test("sign up with a passkey, then sign in with the passkey button", async ({ page }) => {
    // A browser without passkey autofill (conditional mediation), so the button does the work.
    await page.addInitScript(() => {
      PublicKeyCredential.isConditionalMediationAvailable = async () => false;
    });
    const user = await registerWithPasskey(page);
    const { login } = pagesOf(page);
    await login.open();
    await login.signInWithPasskey(user.email);
    await expectSignedInAs(page, user.email);
  });

  test("passkey autofill signs in from the email field", async ({ page }) => {
    // The field the browser offers passkeys in (conditional mediation), in either login style.
    await pagesOf(page).login.open();
    await expect(pagesOf(page).login.email).toHaveAttribute("autocomplete", "username webauthn");
    const user = await registerWithPasskey(page);
    await pagesOf(page).login.visit();
    await expectSignedInAs(page, user.email);
  });
});
