import { expect } from "@playwright/test";
import { FlowPage, type Credentials } from "./FlowPage";

export class RegistrationPage extends FlowPage {
  readonly title = this.heading("Create an account");
  readonly signUpButton = this.page.getByRole("button", { name: "Sign up", exact: true });

  async open(): Promise<void> {
    await this.page.goto("/registration");
  }

  /** Registers with email + password; Kratos shows the verification page next. */
  async signUpWithPassword(user: Credentials): Promise<void> {
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.signUpButton.click();
    await expect(this.page).toHaveURL(/\/verification\?flow=/);
  }

  /** Registers with a passkey (a WebAuthn authenticator must be present). */
  async signUpWithPasskey(email: string): Promise<void> {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByRole("button", { name: "Sign up with passkey" }).click();
    await expect(this.page).toHaveURL(/\/verification\?flow=/);
  }
}
