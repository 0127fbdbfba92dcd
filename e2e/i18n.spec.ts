// The app in German: chosen with the switcher (a cookie) or asked for by the browser
// (Accept-Language). Kratos's messages are worded by their ids from the same catalog.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { pagesOf } from "./pages";
import { INVALID_CREDENTIALS } from "./pages/LoginPage";
import { SUBJECTS, waitForCode } from "./support/mail";
import { signOut } from "./support/session";
import { newUser, register, registerAndLogin } from "./support/users";

// The German catalog's words these tests look for (messages/de.json).
const DE = {
  signIn: "Anmelden",
  email: "E-Mail",
  password: "Passwort",
  continue: "Weiter",
  signInWithPassword: "Mit Passwort anmelden",
  wrongPassword: /Anmeldedaten sind ungültig/,
  stepUp: "Bestätigen Sie, dass Sie es sind",
  sendCodeTo: /^Code an .+ senden$/,
  recover: "Konto wiederherstellen",
  submit: /^(Absenden|Weiter)$/,
  recoveryCode: "Wiederherstellungscode",
  deadEnd: "Wir brauchen einen anderen zweiten Schritt",
  register: "Konto erstellen",
};

async function axeSerious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function signInGerman(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(DE.email).fill(email);
  // An identifier-first login asks for the email on a screen of its own.
  const next = page.getByRole("button", { name: DE.continue, exact: true });
  if (await next.isVisible()) await next.click();
  await page.getByLabel(DE.password).fill(password);
  await page.getByRole("button", { name: DE.signInWithPassword }).click();
}

test(
  "the switcher turns the app German, Kratos's messages too, and the choice stays",
  { tag: "@smoke" },
  async ({ page }) => {
    // Kratos answers an unknown account like a wrong password (4000006): no user needed.
    const user = newUser("de-login");
    const { language, login } = pagesOf(page);

    await login.open();
    await language.choose("Deutsch");
    // Back on the same flow, now in German.
    await expect(page).toHaveURL(/\/login\?flow=/);
    await expect(page.getByRole("heading", { level: 1, name: DE.signIn })).toBeVisible();
    expect(await language.htmlLang()).toBe("de");

    await signInGerman(page, user.email, user.password);
    const error = login.message(INVALID_CREDENTIALS);
    await expect(error).toHaveText(DE.wrongPassword);
    expect(await axeSerious(page)).toEqual([]);

    // The cookie carries the choice to other pages, and back to English.
    await page.goto("/registration");
    await expect(page.getByRole("heading", { level: 1, name: DE.register })).toBeVisible();
    await language.choose("English");
    await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
    expect(await language.htmlLang()).toBe("en");
  },
);

test("without the cookie, Accept-Language: de gives German", { tag: "@smoke" }, async ({ browser }) => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto("/recovery");
  await expect(page.getByRole("heading", { level: 1, name: DE.recover })).toBeVisible();
  expect(await pagesOf(page).language.htmlLang()).toBe("de");
  expect(await axeSerious(page)).toEqual([]);
  await context.close();
});

test("without JavaScript the switcher still works", { tag: "@smoke" }, async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await pagesOf(page).language.choose("Deutsch");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Willkommen" })).toBeVisible();
  await context.close();
});

test("step-up in German", { tag: "@policy" }, async ({ page }) => {
  const user = newUser("de-stepup");
  await register(page, user);
  await page.context().clearCookies();
  await page.goto("/login");
  await pagesOf(page).language.choose("Deutsch");
  await signInGerman(page, user.email, user.password);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: DE.stepUp })).toBeVisible();
  // A Kratos label (1010023, "Send code to …"), worded by the catalog.
  await expect(page.getByRole("button", { name: DE.sendCodeTo })).toBeVisible();
  expect(await axeSerious(page)).toEqual([]);
});

test("recovery in German, up to the policy's dead end", { tag: "@policy" }, async ({ page }) => {
  const user = await registerAndLogin(page, "de-recovery");
  await signOut(page);
  await page.goto("/recovery");
  await pagesOf(page).language.choose("Deutsch");
  await expect(page.getByRole("heading", { level: 1, name: DE.recover })).toBeVisible();
  const since = new Date();
  await page.getByLabel(DE.email).fill(user.email);
  await page.getByRole("button", { name: DE.submit }).click();
  const code = await waitForCode(user.email, SUBJECTS.recovery, since);
  await page.getByLabel(DE.recoveryCode).fill(code);
  await page.getByRole("button", { name: DE.submit }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: DE.deadEnd })).toBeVisible();
  expect(await axeSerious(page)).toEqual([]);
});
