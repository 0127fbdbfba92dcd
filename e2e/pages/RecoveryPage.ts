import { FlowPage } from "./FlowPage";

export class RecoveryPage extends FlowPage {
  readonly title = this.heading("Recover your account");

  async open(): Promise<void> {
    await this.page.goto("/recovery");
  }

  /** Asks Kratos to email a recovery code. */
  async requestCode(email: string): Promise<void> {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByRole("button", { name: /submit|send|continue/i }).click();
  }

  async submitCode(code: string): Promise<void> {
    await this.page.getByLabel(/code/i).fill(code);
    await this.page
      .getByRole("button", { name: /submit|continue/i })
      .first()
      .click();
  }
}
