import { expect, type Browser, type Cookie, type Page } from "@playwright/test";
import { pagesOf } from "../pages";
import { gateRuns } from "./env";

/** Signs out with the header's sign-out button (a POST form) and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  const { home } = pagesOf(page);
  await home.open();
  await home.signOut();
}

/**
 * A protected page that every live session reaches, whatever features run: the enrollment
 * gate's page (aal1) where the gate runs; else the session page, whose highest_available rule
 * asks a session that can step up to do so (the step-up form then shows the proxy took the
 * session as live, but caches no check: only an allowed page does).
 */
const probePath = (): string => (gateRuns() ? "/secure-account" : "/session");

/** The probe page opens for this browser's session (or asks it to step up). */
export async function expectLiveSession(page: Page): Promise<void> {
  const { secureAccount, session, stepUp } = pagesOf(page);
  await page.goto(probePath());
  await expect(gateRuns() ? secureAccount.gate : session.effectiveAal.or(stepUp.title)).toBeVisible();
}

/** The probe page sends this browser to sign in: its session is over (not merely short of aal2). */
export async function expectSentToSignIn(page: Page): Promise<void> {
  await page.goto(probePath());
  await expect(page).toHaveURL(/\/login\?.*flow=/);
  await expect(pagesOf(page).login.title).toBeVisible();
}

/**
 * The browser's cookies while it is signed in, with a fresh cached session check among them
 * where the probe page opened (the app seals its check into a cookie on an allowed page).
 */
export async function signedInCookies(page: Page): Promise<Cookie[]> {
  await expectLiveSession(page);
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
    await expectSentToSignIn(page);
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
