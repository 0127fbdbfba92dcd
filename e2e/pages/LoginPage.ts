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
  /** Kratos's identifier-first login (`login.style: identifier_first`): the first screen's button. */
  readonly continueButton = this.page.getByRole("button", { name: "Continue", exact: true });
  /** The identifier-first second screen's way back to the first, with a new flow. */
  readonly otherIdentifierLink = this.page.getByRole("link", { name: "Use another email" });

  /** The first screen's submit button, in either login style. */
  readonly firstSubmit = this.signInWithPasswordButton.or(this.continueButton);

  /** The identifier-first second screen's line naming who signs in. */
  identifiedAs(email: string) {
    return this.page.getByText(`Signing in as ${email}.`);
  }

  /**
   * Fills the identifier, and when Kratos asks for it on a screen of its own (identifier-first
   * login), continues to the methods. The page must be open on the identifier's screen.
   */
  async enterIdentifier(email: string): Promise<void> {
    await this.email.fill(email);
    if (await this.continueButton.isVisible()) {
      await this.continueButton.click();
      await expect(this.identifiedAs(email)).toBeVisible();
    }
  }

  /** The identifier is kept after a failed attempt: in its field, or named on the second screen. */
  async expectIdentifierKept(email: string): Promise<void> {
    const named = this.identifiedAs(email);
    await expect(this.email.or(named)).toBeVisible();
    if (await named.isVisible()) await expect(this.email).toHaveCount(0);
    else await expect(this.email).toHaveValue(email);
  }

  /**
   * What the open screen offers, without values: each flow form's controls by form, kind, name
   * and label (two screens asking for the same things give the same list).
   */
  async formShape(): Promise<string[]> {
    return this.page.locator('form[action*="flow="]').evaluateAll((forms) =>
      forms.flatMap((form) =>
        [...form.querySelectorAll("input, button")].map((el) => {
          const control = el as HTMLInputElement | HTMLButtonElement;
          const label = (control.labels?.[0]?.textContent ?? control.textContent ?? "").trim();
          const kind = `${control.tagName.toLowerCase()}[${control.type}]`;
          return `${form.getAttribute("data-testid")} ${kind} ${control.name} ${label}`;
        }),
      ),
    );
  }

  /** True when the open login page is an identifier-first login's first screen. */
  async isIdentifierFirst(): Promise<boolean> {
    await expect(this.email).toBeVisible();
    return this.continueButton.isVisible();
  }

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

  /** Fills and submits the password form, in either login style (the page must be open). */
  async signInWithPassword(user: Credentials): Promise<void> {
    await this.enterIdentifier(user.email);
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

  /** The passkey button: on the one form, or after the identifier on an identifier-first login. */
  async signInWithPasskey(email: string): Promise<void> {
    if (await this.isIdentifierFirst()) await this.enterIdentifier(email);
    await this.page.getByRole("button", { name: "Sign in with passkey" }).click();
  }
}
