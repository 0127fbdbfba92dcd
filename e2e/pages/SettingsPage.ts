// Account settings: one page per section (profile, password, two-factor…), a navigation between
// them, and in each a form per Kratos method with its status line.
import { expect, type Locator } from "@playwright/test";
import { testEnv } from "../support/env";
import { totpCode } from "../support/totpCode";
import { FlowPage } from "./FlowPage";

/** "Your changes have been saved!" */
export const SETTINGS_SAVED = 1050001;

export type SettingsSectionId =
  "profile" | "password" | "two-factor" | "passkeys" | "linked-accounts" | "sessions" | "delete";

/** Each section's URL path and its link's name in the navigation. */
export const SECTIONS: Record<SettingsSectionId, { path: string; name: string }> = {
  profile: { path: "/settings", name: "Profile" },
  password: { path: "/settings/password", name: "Password" },
  "two-factor": { path: "/settings/two-factor", name: "Two-factor" },
  passkeys: { path: "/settings/passkeys", name: "Passkeys" },
  "linked-accounts": { path: "/settings/linked-accounts", name: "Linked accounts" },
  sessions: { path: "/settings/sessions", name: "Where you’re signed in" },
  delete: { path: "/settings/delete", name: "Delete account" },
};

/** The sections the app serves with the suite's FEATURES (a section of a feature that is off is a 404). */
export function enabledSettingsSections(): SettingsSectionId[] {
  const off: Partial<Record<SettingsSectionId, string>> = {
    "linked-accounts": "oidc",
    delete: "account-deletion",
  };
  return (Object.keys(SECTIONS) as SettingsSectionId[]).filter((id) => {
    const feature = off[id];
    return !feature || testEnv.features.includes(feature as (typeof testEnv.features)[number]);
  });
}

/** A section's URL: its path, then the query (a flow id) or nothing. */
export function sectionUrl(id: SettingsSectionId): RegExp {
  const path = SECTIONS[id].path.replaceAll("/", "\\/");
  return new RegExp(`${path}(\\?|$)`);
}

export class SettingsPage extends FlowPage {
  readonly title = this.heading("Profile");
  readonly saved = this.message(SETTINGS_SAVED);
  readonly fullName = this.method("profile").getByLabel("Full name");
  /** The sections' navigation, found and read in any language (its links by their paths). */
  readonly nav = this.page.getByTestId("settings-nav");
  /** The link of the section shown (aria-current="page"). */
  readonly currentLink = this.nav.locator('a[aria-current="page"]');
  readonly totpSetupButton = this.page.getByRole("link", { name: "Set up authenticator app" });
  readonly totpSetupCancel = this.page.getByRole("link", { name: "Cancel" });
  readonly totpQrCode = this.page.getByRole("img", { name: /QR code/i });

  navLink(id: SettingsSectionId): Locator {
    return this.nav.locator(`a[href="${SECTIONS[id].path}"]`);
  }

  /** Goes to a section by its navigation link, unless it is the one shown. */
  async goTo(id: SettingsSectionId): Promise<void> {
    if (!sectionUrl(id).test(new URL(this.page.url()).pathname + new URL(this.page.url()).search)) {
      await this.navLink(id).click();
    }
    await this.expectSection(id);
  }

  /** The section's page is shown, and its link is the current one. */
  async expectSection(id: SettingsSectionId): Promise<void> {
    await expect(this.page).toHaveURL(sectionUrl(id));
    await expect(this.currentLink).toHaveCount(1);
    await expect(this.currentLink).toHaveAttribute("href", SECTIONS[id].path);
  }

  /** The status line of a method: "Set up", "Not set up", "1 passkey registered"… */
  status(group: string): Locator {
    return this.method(group).getByTestId(`status-${group}`);
  }

  /** Goes to a section (the profile: /settings); a session below the required level is sent to step-up instead. */
  async open(id: SettingsSectionId = "profile"): Promise<void> {
    await this.page.goto(SECTIONS[id].path);
  }

  /** The profile section (where Kratos's settings flows land) is shown with a flow. */
  async expectOpen(): Promise<void> {
    await expect(this.page).toHaveURL(/\/settings\?flow=/);
    await expect(this.title).toBeVisible();
  }

  /** Links an authenticator app, reading the secret shown on the page; returns the secret. */
  async enableTotp(): Promise<string> {
    await this.goTo("two-factor");
    const totp = this.method("totp");
    // Nothing of the setup until asked for.
    await expect(this.totpQrCode).toHaveCount(0);
    await this.totpSetupButton.click();
    await expect(this.status("totp")).toContainText("Not set up");
    const secret = (await totp.getByTestId("totp_secret_key").innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect(totp.getByRole("img", { name: /QR code/i })).toBeVisible();
    await totp.getByLabel(/code/i).fill(totpCode(secret));
    await totp.getByRole("button", { name: /save/i }).click();
    await this.expectSection("two-factor");
    await expect(this.saved).toBeVisible();
    await expect(this.status("totp")).toContainText("Set up");
    return secret;
  }

  async unlinkTotp(): Promise<void> {
    await this.goTo("two-factor");
    await this.method("totp").getByRole("button", { name: "Unlink authenticator app" }).click();
  }

  /** Generates backup codes and returns them as shown (not active until confirmed). */
  async generateBackupCodes(): Promise<string[]> {
    await this.goTo("two-factor");
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
    await this.goTo("two-factor");
    const keys = this.method("webauthn");
    await keys.getByLabel(/name/i).fill(name);
    await keys.getByRole("button", { name: /security key/i }).click();
  }

  /** Adds a passkey (a WebAuthn authenticator with resident keys must be present). */
  async addPasskey(): Promise<void> {
    await this.goTo("passkeys");
    await this.method("passkey")
      .getByRole("button", { name: /add passkey/i })
      .click();
  }

  async removePasskey(): Promise<void> {
    await this.goTo("passkeys");
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
    await this.goTo("password");
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
    await this.goTo("sessions");
    await this.sessions.getByRole("button", { name: `Sign out ${device}` }).click();
  }

  async signOutEverywhereElse(): Promise<void> {
    await this.goTo("sessions");
    await this.sessions.getByRole("button", { name: "Sign out everywhere else" }).click();
  }

  // Account deletion

  readonly deleteSection = this.page.locator("section#delete-account");

  /** Types the confirmation email and presses "Delete my account". */
  async deleteAccount(typedEmail: string): Promise<void> {
    await this.goTo("delete");
    await this.deleteSection.getByLabel("Type your email address to confirm").fill(typedEmail);
    await this.deleteSection.getByRole("button", { name: "Delete my account" }).click();
  }

  async saveFullName(name: string): Promise<void> {
    await this.goTo("profile");
    await this.fullName.fill(name);
    await this.method("profile").getByRole("button", { name: /save/i }).click();
  }
}
