// Settings in sections: each has its own URL and a link in the navigation (aria-current on the
// one shown); a form posted in a section comes back to it, with its notice or its error; the
// authenticator app's QR code only once asked for; all of it without JavaScript too, and on a
// phone-width screen without sideways scrolling.
import { expect, test, type Page } from "@playwright/test";
import { pagesOf } from "./pages";
import { enabledSettingsSections, SECTIONS } from "./pages/SettingsPage";
import { screenshotPath } from "./support/screenshots";
import { openSettings, registerAndLogin, type TestUser } from "./support/users";

async function changePasswordReturnsToSection(page: Page, user: TestUser): Promise<void> {
  const { settings } = pagesOf(page);
  await openSettings(page, user, "password");
  await expect(settings.navLink("password")).toContainText("Password set");
  // A password Kratos refuses: the error is shown in the section it was typed in.
  await settings.changePassword("short");
  await settings.expectSection("password");
  await expect(settings.method("password").getByText(/at least 8 characters/)).toBeVisible();
  await settings.changePassword(`${user.password}-new`);
  await settings.expectSection("password");
  await expect(settings.saved).toBeVisible();
}

async function totpSetupReturnsToSection(page: Page, user: TestUser): Promise<void> {
  const { settings } = pagesOf(page);
  await openSettings(page, user, "two-factor");
  await expect(settings.navLink("two-factor")).toContainText("Authenticator app: off");
  await expect(settings.totpQrCode).toHaveCount(0);
  await expect(page.getByTestId("totp_secret_key")).toHaveCount(0);
  // Asked for, then cancelled: nothing of the setup stays.
  await settings.totpSetupButton.click();
  await expect(settings.totpQrCode).toBeVisible();
  await settings.totpSetupCancel.click();
  await settings.expectSection("two-factor");
  await expect(settings.totpQrCode).toHaveCount(0);
  // enableTotp clicks "Set up authenticator app", saves a code, and expects the notice back here.
  await settings.enableTotp();
  await expect(settings.navLink("two-factor")).toContainText(
    /Authenticator app: on since \w{3} \d{1,2}, \d{4}/,
  );
  await expect(settings.totpQrCode).toHaveCount(0);
}

test.describe("settings sections", { tag: "@settings" }, () => {
  test("each section has its own URL and a link in the navigation", async ({ page }) => {
    const { settings } = pagesOf(page);
    const user = await registerAndLogin(page, "sections");
    await openSettings(page, user);
    const sections = enabledSettingsSections();
    await expect(settings.nav.getByRole("link")).toHaveCount(sections.length);
    await expect(settings.nav).toHaveAccessibleName("Settings sections");
    for (const id of sections) {
      await settings.open(id);
      await settings.expectSection(id);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(SECTIONS[id].name);
    }
    // By the navigation, from the last one back through all of them.
    for (const id of sections) {
      await expect(settings.navLink(id)).toContainText(SECTIONS[id].name);
      await settings.navLink(id).click();
      await settings.expectSection(id);
    }
    // The status at a glance: a password user has a password and no second factor yet.
    await expect(settings.navLink("password")).toContainText("Password set");
    await expect(settings.navLink("two-factor")).toContainText("No security keys");
    await expect(settings.navLink("two-factor")).toContainText("No backup codes");
    await expect(settings.navLink("passkeys")).toContainText("No passkeys");
  });

  test("a password change comes back to the password section, its error too", async ({ page }) => {
    const user = await registerAndLogin(page, "sections-pw");
    await changePasswordReturnsToSection(page, user);
  });

  test("the authenticator app is set up only when asked for, and comes back to two-factor", async ({
    page,
  }) => {
    const user = await registerAndLogin(page, "sections-totp");
    await totpSetupReturnsToSection(page, user);
  });

  test("backup codes: the two-factor section counts the ones left", async ({ page }) => {
    const { settings } = pagesOf(page);
    const user = await registerAndLogin(page, "sections-codes");
    await openSettings(page, user, "two-factor");
    const codes = await settings.generateBackupCodes();
    await settings.confirmBackupCodes();
    await settings.expectSection("two-factor");
    await expect(settings.navLink("two-factor")).toContainText(`${codes.length} backup codes left`);
  });

  test("a phone-width screen has no sideways scrolling, every section's link in view", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    const { settings } = pagesOf(page);
    const user = await registerAndLogin(page, "sections-phone");
    await openSettings(page, user);
    for (const id of enabledSettingsSections()) {
      await settings.open(id);
      await settings.expectSection(id);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${id} at 375 px`).toBeLessThanOrEqual(0);
      await expect(settings.currentLink).toBeInViewport();
    }
    // The status the navigation leaves out at this width is in the section's header.
    await settings.open("two-factor");
    await expect(page.getByTestId("section-status")).toContainText("Authenticator app: off");
    await settings.open("profile");
    await page.screenshot({ path: screenshotPath("settings-phone") });
  });

  test("viewport pictures of the sections for the README", async ({ page }) => {
    await page.setViewportSize({ width: 1100, height: 760 });
    const { settings } = pagesOf(page);
    const user = await registerAndLogin(page, "sections-shots");
    await openSettings(page, user);
    for (const id of ["profile", "password", "two-factor", "passkeys", "sessions"] as const) {
      await settings.open(id);
      await settings.expectSection(id);
      await page.screenshot({ path: screenshotPath(`settings-section-${id}`) });
    }
  });
});

test.describe("settings sections without JavaScript", { tag: "@settings" }, () => {
  test.use({ javaScriptEnabled: false });

  test("a password change comes back to the password section", async ({ page }) => {
    const user = await registerAndLogin(page, "sections-nojs-pw");
    await changePasswordReturnsToSection(page, user);
  });

  test("the authenticator app's setup, asked for by a link", async ({ page }) => {
    const user = await registerAndLogin(page, "sections-nojs-totp");
    await totpSetupReturnsToSection(page, user);
  });
});
