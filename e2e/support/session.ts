import { expect, type Page } from "@playwright/test";

/** Signs out with the header's sign-out button (a POST form) and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?flow=/);
}
