// "Where you're signed in": the user's sessions from Kratos on the settings page, ending one or
// all of the others, and the other devices losing access at once (not after the session-check
// cache's TTL). The probe is a protected page every live session reaches (e2e/support/session.ts),
// so only the proxy's (cached) check decides where the browser lands.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { pagesOf } from "./pages";
import { expectLiveSession, expectSentToSignIn } from "./support/session";
import { login, openSettings, registerAndLogin, type TestUser } from "./support/users";

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

/** Signs the user in from a new browser with this user agent. */
async function signInElsewhere(browser: Browser, user: TestUser, userAgent: string): Promise<Page> {
  const page = await (await browser.newContext({ userAgent })).newPage();
  await login(page, user, { expectGate: true });
  await expectLiveSession(page);
  return page;
}

test(
  "both devices are listed; ending the other one sends it to sign-in at once",
  { tag: "@smoke" },
  async ({ page, browser }) => {
    test.slow(); // two browsers, three sign-ins and a step-up by email code
    const user = await registerAndLogin(page, "sessions");
    const other = await signInElsewhere(browser, user, FIREFOX_WINDOWS);

    const { settings } = pagesOf(page);
    await openSettings(page, user, "sessions");
    // Registering signed this browser in once before (registerAndLogin then signed in again), so
    // that earlier session is listed too; the other device is the one with Firefox's user agent.
    const firefox = settings.otherDevices.filter({ hasText: "Firefox on Windows" });
    await expect(settings.thisDevice).toHaveCount(1);
    await expect(settings.thisDevice).toContainText("This device");
    await expect(settings.thisDevice).toContainText("Chrome on Linux");
    // The step-up is part of this session: password, then an email code.
    await expect(settings.thisDevice.getByTestId("session-methods")).toHaveText(
      "password, email code (aal2)",
    );
    await expect(firefox).toHaveCount(1);
    await expect(firefox).toContainText(FIREFOX_WINDOWS);
    await expect(firefox.getByTestId("session-methods")).toHaveText("password (aal1)");

    // A fresh cached check on the other device, so that only the revocation can end it.
    await expectLiveSession(other);
    await settings.signOutDevice("Firefox on Windows");
    await expect(
      page.getByRole("status").filter({ hasText: "That device has been signed out." }),
    ).toBeVisible();
    await expect(firefox).toHaveCount(0);
    await expect(settings.thisDevice).toHaveCount(1);

    await expectSentToSignIn(other);
    await expectLiveSession(page);
    await other.context().close();
  },
);

test(
  "“sign out everywhere else” ends every other device and keeps this one",
  { tag: "@smoke" },
  async ({ page, browser }) => {
    test.slow(); // three browsers, three sign-ins and a step-up by email code
    const user = await registerAndLogin(page, "sessions-all");
    const firefox = await signInElsewhere(browser, user, FIREFOX_WINDOWS);
    const safari = await signInElsewhere(browser, user, SAFARI_MAC);

    const { settings } = pagesOf(page);
    await openSettings(page, user, "sessions");
    await expect(settings.otherDevices.filter({ hasText: "Firefox on Windows" })).toHaveCount(1);
    await expect(settings.otherDevices.filter({ hasText: "Safari on macOS" })).toHaveCount(1);

    await expectLiveSession(firefox);
    await expectLiveSession(safari);
    await settings.signOutEverywhereElse();
    await expect(
      page.getByRole("status").filter({ hasText: "Every other device has been signed out." }),
    ).toBeVisible();
    await expect(settings.sessionRows).toHaveCount(1);
    await expect(settings.thisDevice).toBeVisible();
    await expect(settings.notSignedInElsewhere).toBeVisible();

    await expectSentToSignIn(firefox);
    await expectSentToSignIn(safari);
    await expectLiveSession(page);
    await firefox.context().close();
    await safari.context().close();
  },
);

test("ending sessions takes same-origin form posts only", { tag: "@policy" }, async ({ page, browser }) => {
  test.slow(); // two browsers and a step-up by email code
  const user = await registerAndLogin(page, "sessions-csrf");
  const other = await signInElsewhere(browser, user, FIREFOX_WINDOWS);
  // Past the step-up settings ask for, so that only the route's own checks answer.
  await openSettings(page, user);

  const crossSite = await page.request.post("/settings/sessions/end-others", {
    headers: { origin: "https://evil.example" },
    form: {},
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.id).toBe("forbidden_origin");

  const notAnId = await page.request.post("/settings/sessions/end", {
    form: { session_id: "../whoami" },
    maxRedirects: 0,
  });
  expect(notAnId.status()).toBe(400);
  expect((await notAnId.json()).error.id).toBe("invalid_session_id");

  await expectLiveSession(other);
  await other.context().close();
});
