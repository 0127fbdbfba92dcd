// Every page through axe (WCAG 2.1 A/AA), in light and dark, with a screenshot of each
// (docs/screenshots/ with SCREENSHOTS=1, linked from the README).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { BRAND } from "../brand/brand.mjs";
import { pagesOf } from "./pages";
import { enabledSettingsSections } from "./pages/SettingsPage";
import { requiresFeature } from "./support/env";
import { INVALID_CREDENTIALS } from "./pages/LoginPage";
import { screenshotPath } from "./support/screenshots";
import { signOut } from "./support/session";
import {
  newUser,
  openSettings,
  recoverWithEmailCode,
  register,
  registerAndLogin,
  submitPasswordLogin,
} from "./support/users";

/** The brand's `focus` colour (brand/brand.mjs) as the browser computes it, light and dark. */
const FOCUS_RING = (() => {
  const rgb = (hex: string | undefined) => {
    if (!hex || !/^#[0-9a-f]{6}$/i.test(hex))
      throw new Error(`brand/brand.mjs: focus is not a #rrggbb colour: ${hex}`);
    return `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
  };
  return { light: rgb(BRAND.colors.light.focus), dark: rgb(BRAND.colors.dark.focus) };
})();

async function check(page: Page, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, `${name} in ${colorScheme}`).toEqual([]);
    await page.screenshot({ path: screenshotPath(`${name}-${colorScheme}`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

// Every test of this file is @a11y (see the describe below).
test.describe("accessibility", { tag: "@a11y" }, () => {
  // Each page is checked twice (light, dark) with axe and photographed: three times the timeout.
  test.slow();

  test("signed-out pages", async ({ page }) => {
    const p = pagesOf(page);
    const pages: [string, () => Promise<unknown>, Locator][] = [
      ["home", () => p.home.open(), p.home.welcome],
      ["login", () => p.login.open(), p.login.title],
      ["registration", () => p.registration.open(), p.registration.title],
      ["recovery", () => p.recovery.open(), p.recovery.title],
      ["verification", () => p.verification.open(), p.verification.title],
      ["error", () => p.error.open("00000000-0000-4000-8000-000000000000"), p.error.expiredTitle],
    ];
    for (const [name, open, title] of pages) {
      await open();
      await expect(title).toBeVisible();
      await check(page, name);
    }
  });

  test("form errors are announced and the page stays accessible", async ({ page }) => {
    const user = newUser("a11yerr");
    await register(page, user);
    await page.context().clearCookies();
    await submitPasswordLogin(page, { ...user, password: "wrong-password-123" });
    await expect(pagesOf(page).login.announcedMessage(INVALID_CREDENTIALS)).toBeVisible();
    await check(page, "login-error");
  });

  test("identifier-first login's second screen", async ({ page }) => {
    const { login } = pagesOf(page);
    await login.open();
    test.skip(!(await login.isIdentifierFirst()), "Kratos runs the one-form login (login.style unified)");
    // The same screen for any email (Kratos's account-enumeration mitigation): no account needed.
    const email = newUser("a11yidfirst").email;
    await login.enterIdentifier(email);
    await check(page, "login-identified");
  });

  test("signed-in pages: gate, step-up, settings, session", { tag: "@enrollment-gate" }, async ({ page }) => {
    requiresFeature("enrollment-gate");
    const { secureAccount, stepUp, session, home } = pagesOf(page);
    const user = newUser("a11y");
    await register(page, user);
    await page.context().clearCookies();
    await submitPasswordLogin(page, user);
    await expect(secureAccount.gate).toBeVisible();
    await check(page, "secure-account");

    await secureAccount.openSettings();
    await stepUp.expectOpen();
    await check(page, "step-up");
    await openSettings(page, user);
    await check(page, "settings");
    // Every other settings section, and the authenticator app's setup once asked for.
    const { settings } = pagesOf(page);
    for (const id of enabledSettingsSections()) {
      if (id === "profile") continue;
      await settings.goTo(id);
      await check(page, `settings-${id}`);
    }
    await settings.goTo("two-factor");
    await settings.totpSetupButton.click();
    await expect(settings.totpQrCode).toBeVisible();
    await check(page, "settings-two-factor-setup");
    await session.open();
    await check(page, "session");
    await home.open();
    await check(page, "home-signed-in");
  });

  test("dead-end page", async ({ page }) => {
    const user = await registerAndLogin(page, "a11ydead");
    await signOut(page);
    await recoverWithEmailCode(page, user);
    await expect(pagesOf(page).stepUp.deadEnd).toBeVisible();
    await check(page, "dead-end");
  });

  test(
    "keyboard only: sign in with Tab and Enter, focus is visible",
    { tag: "@enrollment-gate" },
    async ({ page }) => {
      requiresFeature("enrollment-gate");
      const user = newUser("keyboard");
      await register(page, user);
      await page.context().clearCookies();
      const { login, secureAccount } = pagesOf(page);
      await login.open();
      await page.keyboard.press("Tab");
      await expect(login.skipLink).toBeFocused();
      const email = login.email;
      for (let i = 0; i < 10 && !(await email.evaluate((el) => el === document.activeElement)); i++)
        await page.keyboard.press("Tab");
      await expect(email).toBeFocused();
      // The theme's ring (app/globals.css with the brand's focus colour), not the browser's own.
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        await expect(email).toHaveCSS("outline-style", "solid");
        await expect(email).toHaveCSS("outline-width", "3px");
        await expect(email).toHaveCSS("outline-color", FOCUS_RING[colorScheme]);
      }
      await page.emulateMedia({ colorScheme: "light" });
      await page.keyboard.type(user.email);
      if (await login.continueButton.isVisible()) {
        // Identifier-first: Enter continues to the second screen, where Tab reaches the password.
        await page.keyboard.press("Enter");
        await expect(login.identifiedAs(user.email)).toBeVisible();
        for (
          let i = 0;
          i < 10 && !(await login.password.evaluate((el) => el === document.activeElement));
          i++
        )
          await page.keyboard.press("Tab");
      } else await page.keyboard.press("Tab");
      await expect(login.password).toBeFocused();
      await page.keyboard.type(user.password);
      await page.keyboard.press("Enter");
      await expect(secureAccount.gate).toBeVisible();
    },
  );
});
