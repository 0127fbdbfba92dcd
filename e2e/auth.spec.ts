import { expect, test } from "@playwright/test";
import { login, newUser, register, submitPasswordLogin } from "./support/users";

test("register, see the home page signed in, sign out, sign in again", async ({ page }) => {
  const user = newUser("auth");
  await register(page, user);

  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toContainText(user.email);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?flow=/);
  await expect(page.getByText("You have been signed out.")).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Welcome" })).toBeVisible();

  await login(page, user, { expectGate: true });
  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toContainText(user.email);

  // The enrollment gate asks once per browser: the next sign-in goes straight home.
  await page.getByRole("button", { name: "Sign out" }).click();
  await login(page, user);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("signed-in-as")).toContainText(user.email);
});

test("without JavaScript: register, sign out and sign in with plain form posts", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const user = newUser("nojs");
  await register(page, user);
  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toContainText(user.email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?flow=/);
  await login(page, user, { expectGate: true });
  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toContainText(user.email);
  await context.close();
});

test("?refresh=true asks for the password again and returns", async ({ page }) => {
  const user = newUser("refresh");
  await register(page, user);
  await page.goto(`/login?refresh=true&return_to=${encodeURIComponent("/?refreshed=1")}`);
  await expect(page.getByRole("heading", { name: "Confirm your password" })).toBeVisible();
  // Kratos knows who is signing in again: only the password is asked for.
  await expect(page.getByLabel("Email")).toHaveCount(0);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/\?refreshed=1$/);
});

test("a wrong password shows Kratos's error on the form", async ({ page }) => {
  const user = newUser("wrongpw");
  await register(page, user);
  await page.context().clearCookies();

  await submitPasswordLogin(page, { ...user, password: `${user.password}-wrong` });

  await expect(page).toHaveURL(/\/login\?flow=/);
  // Kratos message 4000006: the provided credentials are invalid.
  const alert = page.locator('[data-message-id="4000006"]');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/credentials are invalid/i);
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
});
