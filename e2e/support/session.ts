import { expect, type Browser, type Cookie, type Page } from "@playwright/test";
import { pagesOf } from "../pages";

/** Signs out with the header's sign-out button (a POST form) and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  const { home } = pagesOf(page);
  await home.open();
  await home.signOut();
}

/**
 * The browser's cookies while it is signed in, with a fresh cached session check among them:
 * a protected page was just opened, so the app has sealed its check into a cookie.
 */
export async function signedInCookies(page: Page): Promise<Cookie[]> {
  await page.goto("/secure-account");
  await expect(pagesOf(page).secureAccount.gate).toBeVisible();
  return page.context().cookies();
}

/**
 * Puts cookies from before a sign-out back, in a new browser: the session they carry must be
 * over for Kratos and for the app (its cached check included), not only gone from the browser
 * that signed out.
 */
export async function expectSignedOutEverywhere(browser: Browser, cookies: Cookie[]): Promise<void> {
  const context = await browser.newContext();
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    // First the app's page (the cached check is in the cookies), then Kratos itself; either
    // answer may clear a cookie, so each is asked with the cookies as they were.
    await page.goto("/secure-account");
    await expect(page).toHaveURL(/\/login\?.*flow=/);
    await expect(pagesOf(page).login.title).toBeVisible();
    await context.clearCookies();
    await context.addCookies(cookies);
    const whoami = await page.request.get("/api/kratos/sessions/whoami", {
      headers: { accept: "application/json" },
    });
    expect(whoami.status(), "Kratos still knows the session").toBe(401);
  } finally {
    await context.close();
  }
}
