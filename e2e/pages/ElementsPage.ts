// The Ory Elements pages (/elements/…): the kit's own card, read by role and accessible name
// (the kit's English texts), plus the app's notices above it.
import { expect } from "@playwright/test";
import { totpCode } from "../support/totpCode";
import { FlowPage, type Credentials } from "./FlowPage";

export type ElementsFlow = "login" | "registration" | "recovery" | "verification" | "settings";

export class ElementsPage extends FlowPage {
  /** The kit's root element. */
  readonly card = this.page.locator(".ory-elements");
  readonly email = this.page.getByRole("textbox", { name: "Email" });
  readonly password = this.page.getByLabel("Password", { exact: true });
  /** The app's note that an emailed code cannot be the second step after an email recovery. */
  readonly inboxCodeHidden = this.page.getByTestId("inbox-code-hidden");
  /** Anything of the email-code method: its "Send code to …" choice or its code field. */
  readonly emailCodeMethod = this.page
    .getByRole("button", { name: /^Send code to/ })
    .or(this.page.locator(".ory-elements input[name='code']"));
  /** Kratos's WebAuthn script as the kit rendered it. */
  readonly webauthnScript = this.page.locator("script#webauthn_script");

  /** Opens /elements/<flow> (the app starts the flow) and waits for the kit's card. */
  async open(flow: ElementsFlow, query: Record<string, string> = {}): Promise<void> {
    const qs = new URLSearchParams(query).toString();
    await this.page.goto(`/elements/${flow}${qs ? `?${qs}` : ""}`);
    await expect(this.page).toHaveURL(new RegExp(`/elements/${flow}\\?.*flow=`));
    await this.expectReady();
  }

  /**
   * Waits until the kit has hydrated its form: until then it keeps the fields disabled (and
   * its password toggle, a focusable button, aria-hidden).
   */
  async expectReady(): Promise<void> {
    await expect(this.card).toBeVisible();
    await expect(this.card.locator("input:disabled")).toHaveCount(0);
  }

  /** The kit's identifier-first login (`login.style: identifier_first`): the first screen's button. */
  readonly continueButton = this.page.getByRole("button", { name: "Continue", exact: true });
  /** The kit's list of methods on an identifier-first second screen (its own test ids). */
  readonly passwordMethod = this.page.getByTestId("ory/form/auth-picker/password");

  /** Fills the email, and on an identifier-first login continues to the kit's list of methods. */
  async enterIdentifier(email: string): Promise<void> {
    await this.email.fill(email);
    if (await this.continueButton.isVisible()) {
      await this.continueButton.click();
      await expect(this.email).toHaveCount(0);
    }
  }

  async signInWithPassword(user: Credentials): Promise<void> {
    await this.enterIdentifier(user.email);
    await expect(this.password.or(this.passwordMethod)).toBeVisible();
    if (await this.passwordMethod.isVisible()) await this.passwordMethod.click();
    await this.password.fill(user.password);
    await this.page.getByRole("button", { name: "Sign in with password" }).click();
  }

  async signUpWithPassword(user: Credentials): Promise<void> {
    await this.email.fill(user.email);
    await this.password.fill(user.password);
    await this.page.getByRole("button", { name: "Sign up", exact: true }).click();
  }

  /** The passkey button, or on an identifier-first login the kit's passkey method after the email. */
  async signInWithPasskey(email: string): Promise<void> {
    if (await this.continueButton.isVisible()) {
      await this.enterIdentifier(email);
      await this.page.getByRole("button", { name: /^Passkey/ }).click();
    } else await this.page.getByRole("button", { name: "Sign in with passkey" }).click();
  }

  /** Recovery: asks Kratos to email a code. */
  async requestRecoveryCode(email: string): Promise<void> {
    await this.email.fill(email);
    await this.page
      .getByRole("button", { name: /continue|submit|send/i })
      .first()
      .click();
  }

  async submitRecoveryCode(code: string): Promise<void> {
    await this.page.getByRole("textbox", { name: /code/i }).fill(code);
    await this.page
      .getByRole("button", { name: /continue|submit/i })
      .first()
      .click();
  }

  /** The step-up's authenticator-app method, chosen and completed. */
  async stepUpWithTotp(secret: string): Promise<void> {
    const totp = this.page.getByRole("textbox", { name: /authenticator|code/i });
    if (!(await totp.isVisible())) await this.page.getByRole("button", { name: /authenticator/i }).click();
    await totp.fill(totpCode(secret));
    await this.page
      .getByRole("button", { name: /continue|verify|use/i })
      .first()
      .click();
  }
}
