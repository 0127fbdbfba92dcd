import type { Page } from "@playwright/test";
import { pagesOf } from "../pages";

/** Signs out with the header's sign-out button (a POST form) and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  const { home } = pagesOf(page);
  await home.open();
  await home.signOut();
}
