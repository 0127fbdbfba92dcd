import { expect, type Response } from "@playwright/test";
import { FlowPage, type Credentials } from "./FlowPage";

export class RegistrationPage extends FlowPage {
  readonly title = this.heading("Create an account");
  readonly email = this.page.getByLabel("Email");
  readonly password = this.page.getByLabel("Password");
  readonly signUpButton = this.page.getByRole("button", { name: "Sign up", exact: true });

  async open(query = ""): Promise<Response | null> {
    return this.page.goto(`/registration${query}`);
  }

  /** Registers with email + password; Kratos shows the verification page next. */
  async signUpWithPassword(user: Credentials): Promise<void> {
    await this.email.fill(user.email);
    await this.password.fill(user.password);
    await this.signUpButton.click();
    await expect(this.page).toHaveURL(/\/verification\?flow=/);
  }

  /** Starts signing up with an OIDC provider (its page comes next). */
  async startWithProvider(label: string): Promise<void> {
    await this.open();
    await this.page.getByRole("button", { name: `Sign up with ${label}` }).click();
  }

  /** Registers with a passkey (a WebAuthn authenticator must be present). */
  async signUpWithPasskey(email: string): Promise<void> {
    await this.email.fill(email);
    await this.page.getByRole("button", { name: "Sign up with passkey" }).click();
    await expect(this.page).toHaveURL(/\/verification\?flow=/);
  }
}
