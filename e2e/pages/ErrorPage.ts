import { FlowPage } from "./FlowPage";

/** Kratos's stored errors (/error?id=…), in the app's words. */
export class ErrorPage extends FlowPage {
  readonly expiredTitle = this.heading("This error has expired");

  async open(id: string): Promise<void> {
    await this.page.goto(`/error?id=${encodeURIComponent(id)}`);
  }
}
