// Journeys across pages, built on the page objects (e2e/pages/): each test makes its own
// identities through the real UI, with unique emails and strong passwords.
import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import type { Credentials } from "../pages/FlowPage";
import type { SettingsSectionId } from "../pages/SettingsPage";
import { pagesOf } from "../pages";
import { SUBJECTS, waitForCode } from "./mail";
import { gateRuns } from "./env";

export type TestUser = Credentials;

export function newUser(tag = "user"): TestUser {
  const id = randomBytes(6).toString("hex");
  return { email: `${tag}-${id}@example.test`, password: `Pw-${randomBytes(9).toString("base64url")}-9!` };
}

/** Registers with email + password; ends on the verification page Kratos shows next. */
export async function register(page: Page, user: TestUser): Promise<void> {
  const { registration } = pagesOf(page);
  await registration.open();
  await registration.signUpWithPassword(user);
}

/** Fills and submits the password form on a fresh login page. */
export async function submitPasswordLogin(page: Page, user: TestUser): Promise<void> {
  const { login } = pagesOf(page);
  await login.open();
  await login.signInWithPassword(user);
}

/** Signs in with the password; passes the enrollment gate when it appears (and runs: FEATURES). */
export async function login(page: Page, user: TestUser, opts: { expectGate?: boolean } = {}): Promise<void> {
  await submitPasswordLogin(page, user);
  if (opts.expectGate && gateRuns()) {
    const { secureAccount } = pagesOf(page);
    await expect(secureAccount.gate).toBeVisible();
    await secureAccount.skip();
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
  const { stepUp } = pagesOf(page);
  // Without JavaScript the address of a flow proxy.ts started stays without `flow=` (FlowAddress).
  await expect(page).toHaveURL(/\/login\?/);
  const since = new Date();
  await stepUp.sendEmailCode(email);
  await stepUp.submitEmailCode(await waitForCode(email, SUBJECTS.login, since));
}

/** Opens a settings section (the profile by default), stepping up with an email code when asked (password users can). */
export async function openSettings(page: Page, user: TestUser, section?: SettingsSectionId): Promise<void> {
  const { settings } = pagesOf(page);
  await settings.open(section);
  if (/\/login/.test(page.url())) await stepUpWithEmailCode(page, user.email);
  if (section) await settings.expectSection(section);
  else await settings.expectOpen();
}

/** Account recovery by emailed code, up to where Kratos sends the browser next (settings, via step-up). */
export async function recoverWithEmailCode(page: Page, user: TestUser): Promise<void> {
  const { recovery } = pagesOf(page);
  await recovery.open();
  const since = new Date();
  await recovery.requestCode(user.email);
  await recovery.submitCode(await waitForCode(user.email, SUBJECTS.recovery, since));
}
