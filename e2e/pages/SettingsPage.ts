// Account settings: one section per method, each with its status line.
import { expect, type Locator } from "@playwright/test";
import { totpCode } from "../support/totpCode";
import { FlowPage } from "./FlowPage";

/** "Your changes have been saved!" */
export const SETTINGS_SAVED = 1050001;

export class SettingsPage extends FlowPage {
  readonly title = this.heading("Account settings");
  readonly saved = this.message(SETTINGS_SAVED);
  readonly fullName = this.method("profile").getByLabel("Full name");

  /** The status line of a method: "Set up", "Not set up", "1 passkey registered"… */
  status(group: string): Locator {
    return this.method(group).getByTestId(`status-${group}`);
  }

  /** Goes to /settings; a session below the required level is sent to step-up instead. */
  async open(): Promise<void> {
    await this.page.goto("/settings");
  }

  async expectOpen(): Promise<void> {
    await expect(this.page).toHaveURL(/\/settings\?flow=/);
    await expect(this.title).toBeVisible();
  }

  /** Links an authenticator app, reading the secret shown on the page; returns the secret. */
  async enableTotp(): Promise<string> {
    const totp = this.method("totp");
    await expect(this.status("totp")).toContainText("Not set up");
    const secret = (await totp.getByTestId("totp_secret_key").innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect(totp.getByRole("img", { name: /QR code/i })).toBeVisible();
    await totp.getByLabel(/code/i).fill(totpCode(secret));
    await totp.getByRole("button", { name: /save/i }).click();
    await expect(this.status("totp")).toContainText("Set up");
    return secret;
  }

  async unlinkTotp(): Promise<void> {
    await this.method("totp").getByRole("button", { name: "Unlink authenticator app" }).click();
  }

  /** Generates backup codes and returns them as shown (not active until confirmed). */
  async generateBackupCodes(): Promise<string[]> {
    const lookup = this.method("lookup_secret");
    await lookup.getByRole("button", { name: /generate/i }).click();
    const list = lookup.getByTestId("backup-codes");
    await expect(list).toBeVisible();
    return (await list.locator("li").allInnerTexts()).map((c) => c.trim());
  }

  async confirmBackupCodes(): Promise<void> {
    await this.method("lookup_secret")
      .getByRole("button", { name: "I have saved these backup codes" })
      .click();
  }

  /** Adds a security key (a WebAuthn authenticator must be present). */
  async addSecurityKey(name: string): Promise<void> {
    const keys = this.method("webauthn");
    await keys.getByLabel(/name/i).fill(name);
    await keys.getByRole("button", { name: /security key/i }).click();
  }

  /** Adds a passkey (a WebAuthn authenticator with resident keys must be present). */
  async addPasskey(): Promise<void> {
    await this.method("passkey")
      .getByRole("button", { name: /add passkey/i })
      .click();
  }

  async removePasskey(): Promise<void> {
    await this.method("passkey")
      .getByRole("button", { name: /remove/i })
      .click();
  }

  /** "Link Local Mail": the provider's page comes next. */
  linkButton(label: string): Locator {
    return this.method("oidc").getByRole("button", { name: `Link ${label}`, exact: true });
  }

  unlinkButton(label: string): Locator {
    return this.method("oidc").getByRole("button", { name: `Unlink ${label}`, exact: true });
  }

  /** What the accounts-elsewhere section says it is for (and that the last one stays). */
  readonly oidcIntro = this.method("oidc").getByTestId("intro-oidc");
  /** Kratos refused to unlink the only way to sign in. */
  readonly lastSignInMethodRefused = this.alert("your only way to sign in, so it can’t be unlinked");

  async changePassword(password: string): Promise<void> {
    const pw = this.method("password");
    await pw.getByLabel("New password").fill(password);
    await pw.getByRole("button", { name: /save/i }).click();
  }

  // "Where you're signed in"

  readonly sessions = this.page.locator("section#sessions");
  readonly sessionRows = this.sessions.getByTestId("session-row");
  readonly thisDevice = this.sessions.locator('[data-testid="session-row"][data-current="true"]');
  readonly otherDevices = this.sessions.locator('[data-testid="session-row"][data-current="false"]');
  readonly notSignedInElsewhere = this.sessions.getByText("You are not signed in anywhere else.");

  /** Ends one other session by its device name ("Firefox on Windows"). */
  async signOutDevice(device: string): Promise<void> {
    await this.sessions.getByRole("button", { name: `Sign out ${device}` }).click();
  }

  async signOutEverywhereElse(): Promise<void> {
    await this.sessions.getByRole("button", { name: "Sign out everywhere else" }).click();
  }

  // Account deletion

  readonly deleteSection = this.page.locator("section#delete-account");

  /** Types the confirmation email and presses "Delete my account". */
  async deleteAccount(typedEmail: string): Promise<void> {
    await this.deleteSection.getByLabel("Type your email address to confirm").fill(typedEmail);
    await this.deleteSection.getByRole("button", { name: "Delete my account" }).click();
  }

  async saveFullName(name: string): Promise<void> {
    await this.fullName.fill(name);
    await this.method("profile").getByRole("button", { name: /save/i }).click();
  }
}
