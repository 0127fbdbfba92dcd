import { FlowPage } from "./FlowPage";

/** "You successfully verified your email address." */
export const EMAIL_VERIFIED = 1080002;

export class VerificationPage extends FlowPage {
  readonly title = this.heading("Verify your email");

  async open(): Promise<void> {
    await this.page.goto("/verification");
  }

  async submitCode(code: string): Promise<void> {
    await this.page.getByLabel(/code/i).fill(code);
    await this.page
      .getByRole("button", { name: /continue|submit/i })
      .first()
      .click();
  }
}
