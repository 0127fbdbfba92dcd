import { expect, test } from "@playwright/test";
import { pagesOf } from "./pages";
import { BACKUP_CODE_INVALID } from "./pages/StepUpPage";
import { signOut } from "./support/session";
import { enableTotp, stepUpWithTotp } from "./support/totp";
import { openSettings, registerAndLogin, submitPasswordLogin } from "./support/users";
import { addVirtualAuthenticator } from "./support/webauthn";

test(
  "TOTP: enable in settings, then sign in with password + authenticator code",
  { tag: ["@mfa", "@smoke"] },
  async ({ page }) => {
    const { stepUp, session } = pagesOf(page);
    const user = await registerAndLogin(page, "totp");
    const secret = await enableTotp(page, user);

    await signOut(page);
    await submitPasswordLogin(page, user);
    // An enrolled second factor is asked for at once.
    await stepUp.expectOpen();
    await stepUpWithTotp(page, secret);
    await session.open();
    await expect(session.effectiveAal).toHaveText("aal2");
    await expect(session.amr).toContainText("totp");
  },
);

test(
  "backup codes: create and confirm, sign in with one, the same code is refused again",
  { tag: "@mfa" },
  async ({ page }) => {
    const { settings, stepUp, session } = pagesOf(page);
    const user = await registerAndLogin(page, "lookup");
    await openSettings(page, user, "two-factor");
    await expect(settings.status("lookup_secret")).toContainText("Not set up");
    const codes = await settings.generateBackupCodes();
    expect(codes.length).toBeGreaterThanOrEqual(8);
    await expect(settings.status("lookup_secret")).toContainText("not active until");
    await settings.confirmBackupCodes();
    await expect(settings.status("lookup_secret")).toContainText("Set up");

    const code = codes[0]!;
    for (const attempt of ["first", "second"] as const) {
      await signOut(page);
      await submitPasswordLogin(page, user);
      await stepUp.expectOpen();
      await stepUp.withBackupCode(code);
      if (attempt === "first") {
        await expect(page).not.toHaveURL(/\/login/);
        await session.open();
        await expect(session.amr).toContainText("lookup_secret");
      } else {
        await expect(page).toHaveURL(/\/login\?.*flow=/);
        await expect(stepUp.message(BACKUP_CODE_INVALID)).toBeVisible();
      }
    }
  },
);

test("security key: add in settings, then sign in with password + key", { tag: "@mfa" }, async ({ page }) => {
  const { settings, stepUp, session } = pagesOf(page);
  const authenticator = await addVirtualAuthenticator(page, { residentKey: false });
  const user = await registerAndLogin(page, "webauthn");
  await openSettings(page, user, "two-factor");
  await expect(settings.status("webauthn")).toContainText("No security key");
  await settings.addSecurityKey("Test key");
  await expect(settings.status("webauthn")).toContainText("1 security key");
  expect(await authenticator.credentialCount()).toBe(1);

  await signOut(page);
  await submitPasswordLogin(page, user);
  await stepUp.expectOpen();
  await stepUp.withSecurityKey();
  await expect(page).not.toHaveURL(/\/login/);
  await session.open();
  await expect(session.effectiveAal).toHaveText("aal2");
  await expect(session.amr).toContainText("webauthn");
});

test(
  "manage factors in settings: add and remove a passkey, unlink the authenticator app",
  { tag: "@mfa" },
  async ({ page }) => {
    const { settings } = pagesOf(page);
    const authenticator = await addVirtualAuthenticator(page, { residentKey: true });
    const user = await registerAndLogin(page, "manage");
    await enableTotp(page, user);

    await settings.goTo("passkeys");
    await expect(settings.status("passkey")).toContainText("No passkey");
    await settings.addPasskey();
    await expect(settings.status("passkey")).toContainText("1 passkey registered");
    expect(await authenticator.credentialCount()).toBe(1);
    await settings.removePasskey();
    await expect(settings.status("passkey")).toContainText("No passkey");

    await settings.unlinkTotp();
    await settings.expectSection("two-factor");
    await expect(settings.totpSetupButton).toBeVisible();
    await expect(settings.navLink("two-factor")).toContainText("Authenticator app: off");
  },
);
