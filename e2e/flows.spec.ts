import { expect, test, type Page } from "@playwright/test";
import { SUBJECTS, waitForCode } from "./support/mail";
import { signOut } from "./support/session";
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

test("registration is followed by email verification with the emailed code", async ({ page }) => {
  const user = newUser("verify");
  const since = new Date();
  await register(page, user);
  const code = await waitForCode(user.email, SUBJECTS.verification, since);
  await page.getByLabel(/code/i).fill(code);
  await page
    .getByRole("button", { name: /continue|submit/i })
    .first()
    .click();
  await expect(page.locator('[data-message-id="1080002"]')).toBeVisible(); // "You successfully verified your email address."
});

test("recovery by email code, second step with TOTP, new password, sign in with it", async ({ page }) => {
  const user = await registerAndLogin(page, "recover");
  const secret = await enableTotp(page, user);
  await signOut(page);

  await recoverWithEmailCode(page, user);

  // Settings need aal2; the email code is hidden after an email recovery code.
  await expect(page.getByRole("heading", { name: "Confirm it’s you" })).toBeVisible();
  await expect(page.getByTestId("inbox-code-hidden")).toBeVisible();
  await stepUpWithTotp(page, secret);

  await expect(page).toHaveURL(/\/settings\?flow=/);
  const newPassword = `${user.password}-new`;
  const pw = page.locator('section[data-group="password"]');
  await pw.getByLabel("New password").fill(newPassword);
  await pw.getByRole("button", { name: /save/i }).click();
  await expect(page.locator('[data-message-id="1050001"]')).toBeVisible(); // "Your changes have been saved!"

  await signOut(page);
  await submitPasswordLogin(page, { ...user, password: newPassword });
  await stepUpWithTotp(page, secret);
  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toContainText(user.email);
});

test("a profile change persists", async ({ page }) => {
  const user = await registerAndLogin(page, "profile");
  await openSettings(page, user);
  const profile = page.locator('section[data-group="profile"]');
  await profile.getByLabel("Full name").fill("Ada Lovelace");
  await profile.getByRole("button", { name: /save/i }).click();
  await expect(page.locator('[data-message-id="1050001"]')).toBeVisible();
  await page.goto("/settings");
  await expect(page.locator('section[data-group="profile"]').getByLabel("Full name")).toHaveValue(
    "Ada Lovelace",
  );
});

test("sign-out ends the session: a protected page sends you to sign in", async ({ page }) => {
  await registerAndLogin(page, "logout");
  await signOut(page);
  await page.goto("/session");
  await expect(page).toHaveURL(/\/login\?flow=/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("an unknown or malformed flow id lands on a fresh flow, not an error", async ({ page }) => {
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-flow", "'%3Cscript%3E"]) {
    await page.goto(`/login?flow=${id}`);
    await expect(page).toHaveURL(/\/login\?flow=[0-9a-f-]{36}/);
    await expect(page).not.toHaveURL(new RegExp(id));
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  }
  await page.goto("/registration?flow=00000000-0000-4000-8000-000000000000");
  await expect(page.getByText(/expired or was no longer valid/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
});

test.describe("passkeys", () => {
  async function registerWithPasskey(page: Page) {
    const authenticator = await addVirtualAuthenticator(page, { residentKey: true });
    const user = newUser("passkey");
    await page.goto("/registration");
    await page.getByLabel("Email").fill(user.email);
    await page.getByRole("button", { name: "Sign up with passkey" }).click();
    await expect(page).toHaveURL(/\/verification\?flow=/);
    expect(await authenticator.credentialCount()).toBe(1);
    await page.context().clearCookies();
    return user;
  }

  async function expectSignedInAs(page: Page, email: string) {
    // A passkey is a first factor; the enrollment gate asks for an independent second one.
    await expect(page.getByTestId("enrollment-gate")).toBeVisible();
    await page.goto("/");
    await expect(page.getByTestId("signed-in-as")).toContainText(email);
  }

  test("sign up with a passkey, then sign in with the passkey button", async ({ page }) => {
    // A browser without passkey autofill (conditional mediation), so the button does the work.
    await page.addInitScript(() => {
      PublicKeyCredential.isConditionalMediationAvailable = async () => false;
    });
    const user = await registerWithPasskey(page);
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in with passkey" }).click();
    await expectSignedInAs(page, user.email);
  });

  test("passkey autofill signs in from the email field", async ({ page }) => {
    const user = await registerWithPasskey(page);
    await page.goto("/login");
    await expectSignedInAs(page, user.email);
  });
});
