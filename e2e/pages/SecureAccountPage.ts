// The enrollment gate: after a first-factor-only sign-in, an invitation to add a second factor.
import { FlowPage } from "./FlowPage";

export class SecureAccountPage extends FlowPage {
  readonly gate = this.page.getByTestId("enrollment-gate");

  /** Follows the gate's invitation to settings (a step-up comes first). */
  async openSettings(): Promise<void> {
    await this.page.getByRole("link", { name: "Set up a second factor" }).click();
  }

  async skip(): Promise<void> {
    await this.page.getByRole("link", { name: "Skip for now" }).click();
  }
}
