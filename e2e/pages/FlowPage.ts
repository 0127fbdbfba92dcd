// What every page of a Kratos flow shows: Kratos's messages (by id, which does not change
// with the wording or the language) and the app's alerts.
import type { Locator, Page } from "@playwright/test";

export class FlowPage {
  constructor(readonly page: Page) {}

  /** A Kratos UI message by its id (https://www.ory.sh/docs/kratos/concepts/ui-messages). */
  message(id: number): Locator {
    return this.page.locator(`[data-message-id="${id}"]`);
  }

  alert(text: string | RegExp): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  heading(name: string): Locator {
    return this.page.getByRole("heading", { name });
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
