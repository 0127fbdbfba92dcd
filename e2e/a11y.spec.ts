// Every page through axe (WCAG 2.1 A/AA), in light and dark, with a screenshot of each
// (docs/screenshots/ with SCREENSHOTS=1, linked from the README).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
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

test("signed-out pages", async ({ page }) => {
  for (const [name, url, heading] of [
    ["home", "/", "Welcome"],
    ["login", "/login", "Sign in"],
    ["registration", "/registration", "Create an account"],
    ["recovery", "/recovery", "Recover your account"],
    ["verification", "/verification", "Verify your email"],
    ["error", "/error?id=00000000-0000-4000-8000-000000000000", "This error has expired"],
  ] as const) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await check(page, name);
  }
});

test("form errors are announced and the page stays accessible", async ({ page }) => {
  const user = newUser("a11yerr");
  await register(page, user);
  await page.context().clearCookies();
  await submitPasswordLogin(page, { ...user, password: "wrong-password-123" });
  await expect(page.getByRole("alert").filter({ hasText: /credentials are invalid/i })).toBeVisible();
  await check(page, "login-error");
});

test("signed-in pages: gate, step-up, settings, session", async ({ page }) => {
  const user = newUser("a11y");
  await register(page, user);
  await page.context().clearCookies();
  await submitPasswordLogin(page, user);
  await expect(page.getByTestId("enrollment-gate")).toBeVisible();
  await check(page, "secure-account");

  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Confirm it’s you" })).toBeVisible();
  await check(page, "step-up");
  await openSettings(page, user);
  await check(page, "settings");
  await page.goto("/session");
  await check(page, "session");
  await page.goto("/");
  await check(page, "home-signed-in");
});

test("dead-end page", async ({ page }) => {
  const user = await registerAndLogin(page, "a11ydead");
  await signOut(page);
  await recoverWithEmailCode(page, user);
  await expect(page.getByTestId("dead-end")).toBeVisible();
  await check(page, "dead-end");
});

test("keyboard only: sign in with Tab and Enter, focus is visible", async ({ page }) => {
  const user = newUser("keyboard");
  await register(page, user);
  await page.context().clearCookies();
  await page.goto("/login");
  await page.keyboard.press("Tab"); // skip link
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const email = page.getByLabel("Email");
  for (let i = 0; i < 10 && !(await email.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(email).toBeFocused();
  const outline = await email.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.type(user.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(user.password);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("enrollment-gate")).toBeVisible();
});
