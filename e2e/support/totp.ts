import { expect, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { openSettings, type TestUser } from "./users";

/** The current TOTP code for a base32 secret, as an authenticator app would show it. */
export function totpCode(secret: string): string {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret.replace(/\s+/g, "")),
    digits: 6,
    period: 30,
  }).generate();
}

/** Links an authenticator app in settings, reading the secret shown on the page; returns it. */
export async function enableTotp(page: Page, user: TestUser): Promise<string> {
  await openSettings(page, user);
  const totp = page.locator('section[data-group="totp"]');
  await expect(totp.getByTestId("status-totp")).toContainText("Not set up");
  const secret = (await totp.getByTestId("totp_secret_key").innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(totp.getByRole("img", { name: /QR code/i })).toBeVisible();
  await totp.getByLabel(/code/i).fill(totpCode(secret));
  await totp.getByRole("button", { name: /save/i }).click();
  await expect(page.locator('section[data-group="totp"]').getByTestId("status-totp")).toContainText("Set up");
  return secret;
}

/** On the step-up page: completes it with the authenticator app. */
export async function stepUpWithTotp(page: Page, secret: string): Promise<void> {
  const step = page.locator('section[data-group="totp"]');
  await step.getByLabel(/code/i).fill(totpCode(secret));
  await step.getByRole("button", { name: /authenticator/i }).click();
}
