import { expect, test } from "@playwright/test";
import { pagesOf } from "./pages";
import { INVALID_CREDENTIALS } from "./pages/LoginPage";
import { expectSignedOutEverywhere, signedInCookies } from "./support/session";
import { login, newUser, register, submitPasswordLogin } from "./support/users";

test(
  "register, see the home page signed in, sign out, sign in again",
  { tag: ["@auth", "@smoke"] },
  async ({ page, browser }) => {
    const { home } = pagesOf(page);
    const user = newUser("auth");
    await register(page, user);

    await home.open();
    await expect(home.signedInAs).toContainText(user.email);

    const cookies = await signedInCookies(page);
    await home.open();
    await home.signOut();
    await expect(home.signedOutNotice).toBeVisible();
    await home.open();
    await expect(home.welcome).toBeVisible();
    await expectSignedOutEverywhere(browser, cookies);

    await login(page, user, { expectGate: true });
    await home.open();
    await expect(home.signedInAs).toContainText(user.email);

    // The enrollment gate asks once per browser: the next sign-in goes straight home.
    await home.signOut();
    await login(page, user);
    await expect(page).toHaveURL(/\/$/);
    await expect(home.signedInAs).toContainText(user.email);
  },
);

test(
  "without JavaScript: register, sign out and sign in with plain form posts",
  { tag: "@auth" },
  async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const { home } = pagesOf(page);
    const user = newUser("nojs");
    await register(page, user);
    await home.open();
    await expect(home.signedInAs).toContainText(user.email);
    const cookies = await signedInCookies(page);
    await home.open();
    await home.signOut();
    await expectSignedOutEverywhere(browser, cookies);
    await login(page, user, { expectGate: true });
    await home.open();
    await expect(home.signedInAs).toContainText(user.email);
    await context.close();
  },
);

test("?refresh=true asks for the password again and returns", { tag: "@auth" }, async ({ page }) => {
  const { login } = pagesOf(page);
  const user = newUser("refresh");
  await register(page, user);
  await login.openRefresh("/?refreshed=1");
  // Kratos knows who is signing in again: only the password is asked for.
  await expect(login.email).toHaveCount(0);
  await login.confirmPassword(user.password);
  await expect(page).toHaveURL(/\/\?refreshed=1$/);
});

test("a wrong password shows Kratos's error on the form", { tag: "@auth" }, async ({ page }) => {
  const { login } = pagesOf(page);
  const user = newUser("wrongpw");
  await register(page, user);
  await page.context().clearCookies();

  await submitPasswordLogin(page, { ...user, password: `${user.password}-wrong` });

  await expect(page).toHaveURL(/\/login\?flow=/);
  const alert = login.message(INVALID_CREDENTIALS);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/credentials are invalid/i);
  await login.expectIdentifierKept(user.email);
});
