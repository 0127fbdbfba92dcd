import { FlowPage } from "./FlowPage";

/** The 503 page shown while Kratos cannot be reached or is too slow. */
export class UnavailablePage extends FlowPage {
  readonly title = this.heading("Sign-in is temporarily unavailable");
  readonly tryAgain = this.page.getByRole("link", { name: "Try again now" });
}
