// Kratos's two login styles (`selfservice.flows.login.style`): the suite signs in under either
// (the page objects follow the screens); these tests check the identifier-first screens
// themselves, and skip where Kratos runs the one-form login.
import { expect, test } from "@playwright/test";
import { pagesOf } from "./pages";
import { INVALID_CREDENTIALS } from "./pages/LoginPage";
import { testEnv } from "./support/env";
import { newUser, register } from "./support/users";

const UNIFIED = "Kratos runs the one-form login (login.style unified): no identifier-first screens";

test("the login page shows the login style the stack set", { tag: "@auth" }, async ({ page }) => {
  test.skip(!testEnv.loginStyle, "LOGIN_STYLE not set: the style under test is unknown");
  const { login } = pagesOf(page);
  await login.open();
  expect(await login.isIdentifierFirst()).toBe(testEnv.loginStyle === "identifier_first");
});

test(
  "identifier-first: the second screen is the same for an account's email and an unknown one",
  { tag: "@auth" },
  async ({ page }) => {
    const { login } = pagesOf(page);
    await login.open();
    test.skip(!(await login.isIdentifierFirst()), UNIFIED);
    const user = newUser("idfirst");
    await register(page, user);
    await page.context().clearCookies();

    const shapes: string[][] = [];
    for (const email of [user.email, newUser("idfirst-nobody").email]) {
      await login.open();
      await login.enterIdentifier(email);
      // No message on the page (Kratos's "account does not exist" would be one).
      await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
      shapes.push(await login.formShape());
    }
    const [known, unknown] = shapes;
    // Kratos's account-enumeration mitigation offers every method to every identifier.
    expect(unknown).toEqual(known);
    expect(known).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^form-password input\[password\] password Password/),
        expect.stringMatching(/^form-password button\[submit\] method Sign in with password$/),
        expect.stringMatching(/^form-passkey button\[button\] passkey_login_trigger Sign in with passkey$/),
        expect.stringMatching(/^form-password input\[hidden\] identifier $/),
      ]),
    );

    // A password for the unknown email meets the answer a wrong password meets.
    await login.password.fill("Not-the-password-1");
    await login.signInWithPasswordButton.click();
    await expect(login.message(INVALID_CREDENTIALS)).toBeVisible();

    // "Use another email" starts over on the first screen.
    await login.otherIdentifierLink.click();
    await expect(login.continueButton).toBeVisible();
    await expect(login.email).toHaveValue("");
    await login.signInWithPassword(user);
    await expect(page).not.toHaveURL(/\/login/);
  },
);
