// Authenticator-app journeys; the code itself comes from totpCode.ts.
import type { Page } from "@playwright/test";
import { pagesOf } from "../pages";
import { openSettings, type TestUser } from "./users";

/** Opens settings (stepping up by email code) and links an authenticator app; returns its secret. */
export async function enableTotp(page: Page, user: TestUser): Promise<string> {
  await openSettings(page, user);
  return pagesOf(page).settings.enableTotp();
}

/** On the step-up page: completes it with the authenticator app. */
export async function stepUpWithTotp(page: Page, secret: string): Promise<void> {
  await pagesOf(page).stepUp.withTotp(secret);
}
