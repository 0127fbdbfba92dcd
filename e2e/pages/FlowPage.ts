// What every page of a Kratos flow shows: Kratos's messages (by id, which does not change
// with the wording or the language) and the app's alerts.
import type { Locator, Page } from "@playwright/test";

export class FlowPage {
  constructor(readonly page: Page) {}

  /** A Kratos UI message by its id (https://www.ory.sh/docs/kratos/concepts/ui-messages). */
  message(id: number): Locator {
    return this.page.locator(`[data-message-id="${id}"]`);
  }

  /** A Kratos message announced to screen readers: inside an alert, or an alert itself. */
  announcedMessage(id: number): Locator {
    const alerts = this.page.getByRole("alert");
    return alerts.filter({ has: this.message(id) }).or(alerts.and(this.message(id)));
  }

  alert(text: string | RegExp): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  /** The page's title (its one h1). */
  heading(name: string): Locator {
    return this.page.getByRole("heading", { level: 1, name });
  }

  /** The layout's first focusable element. */
  get skipLink(): Locator {
    return this.page.getByRole("link", { name: "Skip to content" });
  }

  // The app's own notices (lib/http/notices.ts), shown after a redirect with ?notice=.
  get flowExpiredNotice(): Locator {
    return this.page.getByText(/expired or was no longer valid/);
  }
  get tooManyAttemptsNotice(): Locator {
    return this.alert("Too many attempts");
  }
  get signedOutNotice(): Locator {
    return this.page.getByText("You have been signed out.");
  }

  /** The flow id from the URL (…?flow=…). */
  flowId(): string {
    return new URL(this.page.url()).searchParams.get("flow") ?? "";
  }

  /** A hidden form value such as the CSRF token, for hand-made submissions. */
  async hiddenValue(name: string): Promise<string> {
    return (await this.page.locator(`input[name="${name}"]`).first().getAttribute("value")) ?? "";
  }

  /** One Kratos method's part of the page (password, code, totp, lookup_secret, webauthn, passkey…). */
  method(group: string): Locator {
    return this.page.locator(`section[data-group="${group}"]`);
  }
}

export interface Credentials {
  email: string;
  password: string;
}
