import { expect, type Response } from "@playwright/test";
import { FlowPage, type Credentials } from "./FlowPage";

export const INVALID_CREDENTIALS = 4000006;

export class LoginPage extends FlowPage {
  readonly email = this.page.getByLabel("Email");
  readonly password = this.page.getByLabel("Password");
  readonly title = this.heading("Sign in");
  /** The title of a re-authentication (`?refresh=true`). */
  readonly confirmPasswordTitle = this.heading("Confirm your password");
  readonly signInWithPasswordButton = this.page.getByRole("button", { name: "Sign in with password" });

  /** Opens /login with optional query parameters (return_to, refresh, aal…) and waits for the flow. */
  async open(query: Record<string, string> = {}): Promise<void> {
    await this.visit(query);
    // The flow comes in the first response; the address shows it only with JavaScript (FlowAddress).
    await expect(this.page).toHaveURL(/\/login(\?|$)/);
    await expect(this.page.locator('form[action*="flow="]').first()).toBeAttached();
  }

  /** Opens /login without waiting for the flow (passkey autofill may sign in and leave at once). */
  async visit(query: Record<string, string> = {}): Promise<Response | null> {
    const qs = new URLSearchParams(query).toString();
    return this.page.goto(`/login${qs ? `?${qs}` : ""}`);
  }

  /** Fills and submits the password form (the page must be open). */
  async signInWithPassword(user: Credentials): Promise<void> {
    await this.email.fill(user.email);
    await this.password.fill(user.password);
    await this.signInWithPasswordButton.click();
  }

  /** Opens a re-authentication (`?refresh=true`) that returns to `returnTo`. */
  async openRefresh(returnTo: string): Promise<void> {
    await this.open({ refresh: "true", return_to: returnTo });
    await expect(this.confirmPasswordTitle).toBeVisible();
  }

  /** On a re-authentication: Kratos knows who it is, so only the password is asked for. */
  async confirmPassword(password: string): Promise<void> {
    await this.page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  /** The button that signs in with an OIDC provider, by its label ("Local Mail"). */
  providerButton(label: string) {
    return this.page.getByRole("button", { name: `Sign in with ${label}` });
  }

  /** Kratos's "the provider returned an error" (e.g. the person pressed "Deny" there), in words. */
  readonly providerDidNotSignIn = this.alert("The provider did not sign you in");

  /** Opens /login and starts signing in with an OIDC provider (its page comes next). */
  async startWithProvider(label: string): Promise<void> {
    await this.open();
    await this.providerButton(label).click();
  }

  async signInWithPasskey(): Promise<void> {
    await this.page.getByRole("button", { name: "Sign in with passkey" }).click();
  }
}
