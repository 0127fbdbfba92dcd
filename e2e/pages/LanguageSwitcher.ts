// The language switcher at the foot of every page: one submit button per language, named in
// that language. German pages are checked by their German words in e2e/i18n.spec.ts.
import type { Page } from "@playwright/test";

export class LanguageSwitcher {
  constructor(readonly page: Page) {}

  get form() {
    return this.page.getByRole("form", { name: /^(Language|Sprache)$/ });
  }

  async choose(name: "English" | "Deutsch"): Promise<void> {
    await this.form.getByRole("button", { name, exact: true }).click();
  }

  /** The `lang` of the page, i.e. the language the server rendered it in. */
  async htmlLang(): Promise<string | null> {
    return this.page.locator("html").getAttribute("lang");
  }
}
