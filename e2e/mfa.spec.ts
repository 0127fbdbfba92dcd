import { expect, test } from "@playwright/test";
import { signOut } from "./support/session";
import { enableTotp, stepUpWithTotp } from "./support/totp";
import { openSettings, registerAndLogin, submitPasswordLogin } from "./support/users";
import { addVirtualAuthenticator } from "./support/webauthn";

test("TOTP: enable in settings, then sign in with password + authenticator code", async ({ page }) => {
  const user = await registerAndLogin(page, "totp");
  const secret = await enableTotp(page, user);

  await signOut(page);
  await submitPasswordLogin(page, user);
  // An enrolled second factor is asked for at once.
  await expect(page).toHaveURL(/\/login\?.*flow=/);
  await expect(page.getByRole("heading", { name: "Confirm it’s you" })).toBeVisible();
  await stepUpWithTotp(page, secret);
  await page.goto("/session");
  await expect(page.getByTestId("effective-aal")).toHaveText("aal2");
  await expect(page.getByTestId("amr")).toContainText("totp");
});

test("backup codes: create and confirm, sign in with one, the same code is refused again", async ({
  page,
}) => {
  const user = await registerAndLogin(page, "lookup");
  await openSettings(page, user);
  const section = () => page.locator('section[data-group="lookup_secret"]');
  await expect(section().getByTestId("status-lookup_secret")).toContainText("Not set up");
  await section()
    .getByRole("button", { name: /generate/i })
    .click();
  await expect(section().getByTestId("backup-codes")).toBeVisible();
  const codes = await section().getByTestId("backup-codes").locator("li").allInnerTexts();
  expect(codes.length).toBeGreaterThanOrEqual(8);
  await expect(section().getByTestId("status-lookup_secret")).toContainText("not active until");
  await section().getByRole("button", { name: "I have saved these backup codes" }).click();
  await expect(section().getByTestId("status-lookup_secret")).toContainText("Set up");

  const code = codes[0]!.trim();
  for (const attempt of ["first", "second"] as const) {
    await signOut(page);
    await submitPasswordLogin(page, user);
    await expect(page.getByRole("heading", { name: "Confirm it’s you" })).toBeVisible();
    const step = page.locator('section[data-group="lookup_secret"]');
    await step.getByLabel(/backup/i).fill(code);
    await step.getByRole("button", { name: "Use backup code" }).click();
    if (attempt === "first") {
      await expect(page).not.toHaveURL(/\/login/);
      await page.goto("/session");
      await expect(page.getByTestId("amr")).toContainText("lookup_secret");
    } else {
      await expect(page).toHaveURL(/\/login\?.*flow=/);
      await expect(page.locator('[data-message-id="4000012"]')).toBeVisible();
    }
  }
});

test("security key: add in settings, then sign in with password + key", async ({ page }) => {
  const authenticator = await addVirtualAuthenticator(page, { residentKey: false });
  const user = await registerAndLogin(page, "webauthn");
  await openSettings(page, user);
  const keys = page.locator('section[data-group="webauthn"]');
  await expect(keys.getByTestId("status-webauthn")).toContainText("No security key");
  await keys.getByLabel(/name/i).fill("Test key");
  await keys.getByRole("button", { name: /security key/i }).click();
  await expect(page.locator('section[data-group="webauthn"]').getByTestId("status-webauthn")).toContainText(
    "1 security key",
  );
  expect(await authenticator.credentialCount()).toBe(1);

  await signOut(page);
  await submitPasswordLogin(page, user);
  await expect(page.getByRole("heading", { name: "Confirm it’s you" })).toBeVisible();
  await page
    .locator('section[data-group="webauthn"]')
    .getByRole("button", { name: /hardware key/i })
    .click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/session");
  await expect(page.getByTestId("effective-aal")).toHaveText("aal2");
  await expect(page.getByTestId("amr")).toContainText("webauthn");
});

test("manage factors in settings: add and remove a passkey, unlink the authenticator app", async ({
  page,
}) => {
  const authenticator = await addVirtualAuthenticator(page, { residentKey: true });
  const user = await registerAndLogin(page, "manage");
  await enableTotp(page, user);

  const passkeys = () => page.locator('section[data-group="passkey"]');
  await expect(passkeys().getByTestId("status-passkey")).toContainText("No passkey");
  await passkeys()
    .getByRole("button", { name: /add passkey/i })
    .click();
  await expect(passkeys().getByTestId("status-passkey")).toContainText("1 passkey registered");
  expect(await authenticator.credentialCount()).toBe(1);
  await passkeys()
    .getByRole("button", { name: /remove/i })
    .click();
  await expect(passkeys().getByTestId("status-passkey")).toContainText("No passkey");

  const totp = () => page.locator('section[data-group="totp"]');
  await totp().getByRole("button", { name: "Unlink authenticator app" }).click();
  await expect(totp().getByTestId("status-totp")).toContainText("Not set up");
});
