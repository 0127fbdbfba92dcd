import { FlowPage } from "./FlowPage";

/** The 503 page shown while Kratos cannot be reached or is too slow. */
export class UnavailablePage extends FlowPage {
  readonly title = this.heading("Sign-in is temporarily unavailable");
  readonly tryAgain = this.page.getByRole("link", { name: "Try again now" });

  /** The page itself, as the app sends the browser to it with the path to retry. */
  async open(retry: string) {
    return this.page.goto(`/unavailable?retry=${encodeURIComponent(retry)}`);
  }
}
