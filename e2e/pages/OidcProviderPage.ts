// The local OpenID provider's own pages (features/oidc/provider.mjs): not the app, the place a
// person proves who they are at the provider and allows the app to see their email and name.
import { expect } from "@playwright/test";
import { testEnv } from "../support/env";
import { FlowPage } from "./FlowPage";

export class OidcProviderPage extends FlowPage {
  readonly email = this.page.getByLabel("Email");
  readonly name = this.page.getByLabel("Name");
  readonly allowButton = this.page.getByRole("button", { name: "Allow" });
  readonly denyButton = this.page.getByRole("button", { name: "Deny" });

  async expectOpen(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`^${testEnv.oidcTestProviderUrl}/interaction/`));
  }

  /**
   * Signs in at the provider (any address; it asks every time) and allows the app to see the
   * email and name when it asks (once per account and browser: it remembers the answer).
   */
  async signInAndAllow(email: string, name = "Test Person"): Promise<void> {
    await this.expectOpen();
    await this.email.fill(email);
    await this.name.fill(name);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    // Next: the provider's consent page, or (consent remembered) straight back to the app.
    await expect(this.email).toBeHidden();
    await this.page.waitForLoadState();
    if (this.page.url().startsWith(testEnv.oidcTestProviderUrl ?? "")) await this.allowButton.click();
  }
}
