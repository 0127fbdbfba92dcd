// Each test makes its own identities through the real UI: unique emails, strong passwords.
import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { SUBJECTS, waitForCode } from "./mail";

export interface TestUser {
  email: string;
  password: string;
}

export function newUser(tag = "user"): TestUser {
  const id = randomBytes(6).toString("hex");
  return { email: `${tag}-${id}@example.test`, password: `Pw-${randomBytes(9).toString("base64url")}-9!` };
}

/** Registers with email + password; ends on the verification page Kratos shows next. */
export async function register(page: Page, user: TestUser): Promise<void> {
  await page.goto("/registration");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign up", exact: true }).click();
  await expect(page).toHaveURL(/\/verification\?flow=/);
}

/** Fills and submits the password form on a fresh login page. */
export async function submitPasswordLogin(page: Page, user: TestUser): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in with password" }).click();
}

/** Signs in with the password; passes the enrollment gate when it appears. */
export async function login(page: Page, user: TestUser, opts: { expectGate?: boolean } = {}): Promise<void> {
  await submitPasswordLogin(page, user);
  if (opts.expectGate) {
    await expect(page.getByTestId("enrollment-gate")).toBeVisible();
    await page.getByRole("link", { name: "Skip for now" }).click();
  }
  await expect(page).not.toHaveURL(/\/login/);
}

/** Registers and signs in (a fresh user's first sign-in meets the enrollment gate once). */
export async function registerAndLogin(page: Page, tag?: string): Promise<TestUser> {
  const user = newUser(tag);
  await register(page, user);
  await page.context().clearCookies();
  await login(page, user, { expectGate: true });
  return user;
}

/** On the aal2 step-up page: has an email code sent and enters it. */
export async function stepUpWithEmailCode(page: Page, email: string): Promise<void> {
  await expect(page).toHaveURL(/\/login\?.*flow=/);
  const since = new Date();
  await page.getByRole("button", { name: `Send code to ${email}` }).click();
  const code = await waitForCode(email, SUBJECTS.login, since);
  await page.getByLabel("Login code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Opens settings, stepping up with an email code when asked (password users can). */
export async function openSettings(page: Page, user: TestUser): Promise<void> {
  await page.goto("/settings");
  if (/\/login/.test(page.url())) await stepUpWithEmailCode(page, user.email);
  await expect(page).toHaveURL(/\/settings\?flow=/);
  await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
}

/** Account recovery by emailed code, up to where Kratos sends the browser next (settings, via step-up). */
export async function recoverWithEmailCode(page: Page, user: TestUser): Promise<void> {
  await page.goto("/recovery");
  const since = new Date();
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: /submit|send|continue/i }).click();
  const code = await waitForCode(user.email, SUBJECTS.recovery, since);
  await page.getByLabel(/code/i).fill(code);
  await page
    .getByRole("button", { name: /submit|continue/i })
    .first()
    .click();
}
