// The second step (aal2) on the login page: one section per method Kratos offers and the app allows.
import { expect } from "@playwright/test";
import { totpCode } from "../support/totpCode";
import { FlowPage } from "./FlowPage";

/** "The backup code is not valid." (already used or unknown) */
export const BACKUP_CODE_INVALID = 4000012;

export class StepUpPage extends FlowPage {
  readonly title = this.heading("Confirm it’s you");
  /** The note that an emailed code cannot be the second step after an email recovery. */
  readonly inboxCodeHidden = this.page.getByTestId("inbox-code-hidden");
  readonly sendEmailCodeButtons = this.page.getByRole("button", { name: /Send code to/ });
  /** Shown instead when the inbox is the user's only second factor. */
  readonly deadEnd = this.page.getByTestId("dead-end");
  readonly deadEndSignOut = this.page.getByRole("button", { name: "Sign out and sign in with a password" });
  /** The notice after the proxy refused an email code from the same inbox. */
  readonly sameInboxRefused = this.page.getByText(
    "A second code from the same inbox cannot confirm your identity",
  );
  /** Any form that submits to Kratos's login flow. */
  readonly loginForms = this.page.locator("form[action*='self-service/login']");

  async expectOpen(): Promise<void> {
    await expect(this.page).toHaveURL(/\/login\?.*flow=/);
    await expect(this.title).toBeVisible();
  }

  /** The methods offered, as Kratos's group names (totp, lookup_secret, webauthn, code…). */
  async methods(): Promise<string[]> {
    const groups = await this.page
      .locator("section[data-group]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-group") ?? ""));
    return groups.filter((g) => g && g !== "default");
  }

  async withTotp(secret: string): Promise<void> {
    const totp = this.method("totp");
    await totp.getByLabel(/code/i).fill(totpCode(secret));
    await totp.getByRole("button", { name: /authenticator/i }).click();
  }

  /** Has a code sent to `email`; returns when Kratos has accepted the request. */
  async sendEmailCode(email: string): Promise<void> {
    await this.page.getByRole("button", { name: `Send code to ${email}` }).click();
  }

  async submitEmailCode(code: string): Promise<void> {
    await this.page.getByLabel("Login code").fill(code);
    await this.page.getByRole("button", { name: "Continue" }).click();
  }

  async withBackupCode(code: string): Promise<void> {
    const lookup = this.method("lookup_secret");
    await lookup.getByLabel(/backup/i).fill(code);
    await lookup.getByRole("button", { name: "Use backup code" }).click();
  }

  /** Uses the security key (a WebAuthn authenticator must be present). */
  async withSecurityKey(): Promise<void> {
    await this.method("webauthn")
      .getByRole("button", { name: /hardware key/i })
      .click();
  }
}
