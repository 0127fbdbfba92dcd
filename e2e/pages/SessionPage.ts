import { FlowPage } from "./FlowPage";

/** The session page: what the app and Kratos each make of the current session. */
export class SessionPage extends FlowPage {
  /** The app's own assurance level (its factor policy), aal1 or aal2. */
  readonly effectiveAal = this.page.getByTestId("effective-aal");
  /** What Kratos says. */
  readonly kratosAal = this.page.getByTestId("kratos-aal");
  /** The authentication methods, one per line. */
  readonly amr = this.page.getByTestId("amr");
  /** The method (first) cell of each row of the authentication methods, in order. */
  readonly amrMethods = this.amr.locator("tr > td:first-child");

  async open(query = ""): Promise<void> {
    await this.page.goto(`/session${query}`);
  }
}
