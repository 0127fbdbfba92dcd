// Security notifications (features/notifications/, docs/notifications.md): each change reaches the
// real mail catcher from the real Kratos after-hooks, in the owner's language, with a "this wasn't
// me" link that starts recovery; the hook refuses calls without its secret and sends a repeat once.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { pagesOf } from "./pages";
import { requires, requiresFeature, testEnv } from "./support/env";
import { mailCatcher, waitForEmail } from "./support/mail";
import type { MailMessage } from "./support/mailCatchers/mailCatcher";
import { addVirtualAuthenticator } from "./support/webauthn";
import {
  login,
  newUser,
  openSettings,
  recoverWithEmailCode,
  registerAndLogin,
  type TestUser,
} from "./support/users";

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const HOOK = "/api/hooks/security-event";

/** The mail's "this wasn't me" link. */
function recoveryLink(mail: MailMessage): string {
  const link = /https?:\/\/\S+\/recovery\b/.exec(mail.body)?.[0];
  expect(link, "a recovery link in the mail").toBeTruthy();
  return link!;
}

/** The next mail to the user with this subject, after `action`. */
async function mailedAfter(
  user: TestUser,
  subject: RegExp,
  action: () => Promise<unknown>,
): Promise<MailMessage> {
  const since = new Date();
  await action();
  return waitForEmail(user.email, subject, since);
}

async function signInElsewhere(browser: Browser, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext({ userAgent: FIREFOX_WINDOWS })).newPage();
  await login(page, user, { expectGate: true });
  return page;
}

/** The app's language switcher's cookie, for the requests that follow. */
async function speak(page: Page, locale: "de" | "en"): Promise<void> {
  await page.context().addCookies([{ name: "locale", value: locale, url: testEnv.baseUrl }]);
}

test.describe("security notifications", { tag: "@notifications" }, () => {
  requiresFeature("notifications");

  test("a password change and a new device are mailed in the owner's language, with a way to recover", async ({
    page,
    browser,
  }) => {
    test.slow(); // two browsers, a step-up by email code, three mails
    const user = await registerAndLogin(page, "notify-pw");
    await openSettings(page, user);
    const { settings } = pagesOf(page);

    // The owner switched to German: the mail of their change and the ones after are German.
    const newPassword = newUser().password;
    await settings.goTo("password");
    await speak(page, "de");
    const changed = await mailedAfter(user, /Passwort wurde geändert/, () =>
      settings.changePassword(newPassword),
    );
    expect(changed.body).toContain("Das Passwort Ihres Kontos wurde geändert.");
    expect(changed.body).toMatch(/Gerät: Chrome unter Linux/);
    expect(changed.body).toContain("Das war ich nicht");

    await speak(page, "en");
    // The link, opened where nobody is signed in, starts recovery.
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(recoveryLink(changed));
    await expect(pagesOf(reader).recovery.title).toBeVisible();
    await reader.context().close();

    const other = await signInElsewhere(browser, { ...user, password: newPassword });
    const signIn = await waitForEmail(user.email, /Neue Anmeldung/, changed.receivedAt);
    expect(signIn.body).toContain("Firefox unter Windows");
    // Registration's device counted as known: its first sign-in was not mailed.
    expect(await mailCatcher.count(user.email, { subject: /Neue Anmeldung|New sign-in/ })).toBe(1);
    await other.context().close();
  });

  test("second factors and backup codes: each change is named", async ({ page }) => {
    test.slow(); // five changes, each a settings submission, with step-ups by email code between them
    await addVirtualAuthenticator(page, { residentKey: false });
    const user = await registerAndLogin(page, "notify-mfa");
    const { settings } = pagesOf(page);
    // A second factor raises the level settings require: each change starts from a stepped-up page.
    const inSettings = async (action: () => Promise<unknown>) => {
      await openSettings(page, user);
      await action();
    };

    await mailedAfter(user, /Backup codes were set up/, () =>
      inSettings(async () => {
        await settings.generateBackupCodes();
        await settings.confirmBackupCodes();
        await expect(settings.status("lookup_secret")).toContainText("Set up");
      }),
    );
    await mailedAfter(user, /New backup codes were created/, () =>
      inSettings(async () => {
        // Codes that are set up are shown first; the new set replaces them once confirmed.
        await settings.goTo("two-factor");
        await page
          .locator('section[data-group="lookup_secret"]')
          .getByRole("button", { name: "Show backup codes" })
          .click();
        await settings.generateBackupCodes();
        await settings.confirmBackupCodes();
        await expect(settings.status("lookup_secret")).toContainText("Set up");
      }),
    );
    const added = await mailedAfter(user, /authenticator app was added/, () =>
      inSettings(() => settings.enableTotp()),
    );
    expect(added.body).toContain("An authenticator app was added as a second factor.");
    expect(recoveryLink(added)).toMatch(/\/recovery$/);
    await mailedAfter(user, /security key was added/, () =>
      inSettings(async () => {
        await settings.addSecurityKey("Notify key");
        await expect(settings.status("webauthn")).toContainText("1 security key");
      }),
    );
    await mailedAfter(user, /authenticator app was removed/, () =>
      inSettings(async () => {
        await settings.unlinkTotp();
        // Off again: the section offers the setup (shown only when asked for).
        await expect(settings.totpSetupButton).toBeVisible();
      }),
    );
  });

  test("a passkey added and removed", async ({ page }) => {
    await addVirtualAuthenticator(page, { residentKey: true });
    const user = await registerAndLogin(page, "notify-passkey");
    await openSettings(page, user);
    const { settings } = pagesOf(page);
    await mailedAfter(user, /A passkey was added/, async () => {
      await settings.addPasskey();
      await expect(settings.status("passkey")).toContainText("1 passkey registered");
    });
    await mailedAfter(user, /A passkey was removed/, async () => {
      await settings.removePasskey();
      await expect(settings.status("passkey")).toContainText("No passkey");
    });
  });

  test("other sessions ended, then a recovery", async ({ page, browser }) => {
    test.slow();
    const user = await registerAndLogin(page, "notify-sessions");
    const other = await signInElsewhere(browser, user);
    await openSettings(page, user);
    const { settings } = pagesOf(page);
    const ended = await mailedAfter(user, /Other sessions .* were signed out/, () =>
      settings.signOutEverywhereElse(),
    );
    // The registration's session and the other browser's.
    expect(ended.body).toContain("Your other sessions were signed out (2).");
    await other.context().close();

    await page.context().clearCookies();
    const recovered = await mailedAfter(user, /account was recovered/, () =>
      recoverWithEmailCode(page, user),
    );
    expect(recovered.body).toContain("recovered with a code");
  });

  test(
    "the hook refuses calls without its secret, and sends a repeated event once",
    { tag: "@admin" },
    async ({ page, request }) => {
      requires("admin");
      test.skip(!testEnv.notifyWebhookSecret, "NOTIFY_WEBHOOK_SECRET is not given to the suite");
      const body = { flow_id: randomUUID(), identity_id: randomUUID(), user_agent: FIREFOX_WINDOWS };
      const url = `${HOOK}?flow=recovery`;
      expect((await request.post(url, { data: body })).status()).toBe(401);
      const wrong = await request.post(url, {
        data: body,
        headers: { authorization: "Bearer not-the-secret" },
      });
      expect(wrong.status()).toBe(401);
      expect(await wrong.text()).not.toContain("secret");
      expect((await request.get(url)).status()).toBe(405);

      const user = await registerAndLogin(page, "notify-repeat");
      const found = await request.get(
        `${testEnv.kratosAdminUrl}/admin/identities?credentials_identifier=${encodeURIComponent(user.email)}`,
      );
      const [identity] = (await found.json()) as { id: string }[];
      const call = {
        data: { ...body, identity_id: identity!.id },
        headers: { authorization: `Bearer ${testEnv.notifyWebhookSecret}` },
      };
      const since = new Date();
      expect((await request.post(url, call)).status()).toBe(202);
      expect((await request.post(url, call)).status()).toBe(202);
      await waitForEmail(user.email, /account was recovered/, since);
      // A later event proves the queue has moved past the repeat: still one recovery mail.
      const other = { ...call, data: { ...call.data, flow_id: randomUUID() } };
      await request.post(`${HOOK}?flow=settings&method=password`, other);
      await waitForEmail(user.email, /password was changed/, since);
      expect(await mailCatcher.count(user.email, { subject: /account was recovered/ })).toBe(1);
    },
  );
});
