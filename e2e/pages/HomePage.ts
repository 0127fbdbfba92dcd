import { expect } from "@playwright/test";
import { FlowPage } from "./FlowPage";

export class HomePage extends FlowPage {
  /** Signed out, the home page welcomes. */
  readonly welcome = this.heading("Welcome");
  readonly signedInAs = this.page.getByTestId("signed-in-as");
  /** The header's logo and name, a link home. */
  readonly brandLink = (name: string) =>
    this.page.getByRole("banner").getByRole("link", { name, exact: true });
  readonly signOutButton = this.page.getByRole("button", { name: "Sign out" });
  /** Shown to a signed-in user while Kratos cannot be reached. */
  readonly identityServiceDown = this.page.getByText("The identity service is unavailable right now");

  async open() {
    return this.page.goto("/");
  }

  /** Signs out with the header's button (a POST form) and waits for the login page. */
  async signOut(): Promise<void> {
    await this.signOutButton.click();
    // A fresh sign-in page: at /login?flow=… with JavaScript, at /login without (FlowAddress).
    await expect(this.page).toHaveURL(/\/login(\?|$)/);
    await expect(this.page.locator('form[action*="flow="]').first()).toBeAttached();
  }
}
