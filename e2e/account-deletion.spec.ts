// Deleting one's account from settings: refused (and sent to re-authenticate) without a fresh
// session at the highest AAL, done with one; the identity is then gone from Kratos and no cookie
// of it, on this browser or another, opens a protected page again. Freshness by time (Kratos's
// privileged_session_max_age) is unit-tested in features/account-deletion/policy/accountDeletion.test.ts: a suite
// cannot wait 15 minutes.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { pagesOf } from "./pages";
import { requiresFeature, requires, testEnv } from "./support/env";
import { login, openSettings, registerAndLogin, stepUpWithEmailCode } from "./support/users";

/** How many identities Kratos has with this email (admin API). */
async function identitiesWith(request: APIRequestContext, email: string): Promise<number> {
  const res = await request.get(
    `${testEnv.kratosAdminUrl}/admin/identities?credentials_identifier=${encodeURIComponent(email)}`,
  );
  expect(res.ok()).toBe(true);
  return ((await res.json()) as unknown[]).length;
}

async function expectSentToSignIn(page: Page): Promise<void> {
  await page.goto("/secure-account");
  await expect(page).toHaveURL(/\/login\?.*flow=/);
}

test.describe("account deletion", { tag: "@account-deletion" }, () => {
  requiresFeature("account-deletion");

  test(
    "deletion is refused without a fresh aal2 session, then done after re-authenticating",
    { tag: "@admin" },
    async ({ page, browser, request }) => {
      requires("admin");
      test.slow(); // three sign-ins, a step-up by email code and a second browser
      const user = await registerAndLogin(page, "delete");
      const other = await (await browser.newContext()).newPage();
      await login(other, user, { expectGate: true });
      const oldCookies = await page.context().cookies();

      // Signed in with the password only: aal1, while the account can reach aal2 (email code).
      const refused = await page.request.post("/account/delete", {
        form: { email: user.email },
        maxRedirects: 0,
      });
      expect(refused.status()).toBe(303);
      const reauth = new URL(refused.headers()["location"]!);
      expect(reauth.pathname).toBe("/login");
      expect(Object.fromEntries(reauth.searchParams)).toEqual({
        refresh: "true",
        aal: "aal2",
        return_to: "/settings/delete",
        notice: "reauth_to_delete",
      });
      expect(await identitiesWith(request, user.email)).toBe(1);

      await page.goto(reauth.href);
      await expect(
        page.getByRole("status").filter({ hasText: "To delete your account, confirm it’s you" }),
      ).toBeVisible();
      await stepUpWithEmailCode(page, user.email);
      const { settings, login: loginPage } = pagesOf(page);
      await settings.expectSection("delete");
      // A fresh cached session check on the other device, so that only the revocation can end it.
      await other.goto("/secure-account");
      await expect(pagesOf(other).secureAccount.gate).toBeVisible();
      await settings.deleteAccount(user.email);

      await expect(page).toHaveURL(/\/login\?/);
      await expect(
        page.getByRole("status").filter({ hasText: "Your account has been deleted" }),
      ).toBeVisible();
      await expect(loginPage.title).toBeVisible();
      expect(await identitiesWith(request, user.email)).toBe(0);

      // The cookie this browser had, put back, opens nothing; nor does the other device's session.
      const replay = await (await browser.newContext()).newPage();
      await replay.context().addCookies(oldCookies);
      await expectSentToSignIn(replay);
      const me = await replay.request.get("/api/me");
      expect(me.status()).toBe(401);
      await expectSentToSignIn(other);
      await replay.context().close();
      await other.context().close();
    },
  );

  test("a mistyped email deletes nothing and says so", { tag: "@smoke" }, async ({ page }) => {
    const user = await registerAndLogin(page, "delete-typo");
    await openSettings(page, user);
    const { settings } = pagesOf(page);
    await settings.deleteAccount(`not-${user.email}`);
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was deleted" })).toBeVisible();
    await settings.expectSection("delete");
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
  });

  test("account deletion takes same-origin form posts only", { tag: "@policy" }, async ({ page }) => {
    const user = await registerAndLogin(page, "delete-csrf");
    await openSettings(page, user);
    const crossSite = await page.request.post("/account/delete", {
      headers: { origin: "https://evil.example" },
      form: { email: user.email },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).error.id).toBe("forbidden_origin");
    const json = await page.request.post("/account/delete", { data: { email: user.email }, maxRedirects: 0 });
    expect(json.status()).toBe(415);
    expect((await json.json()).error.id).toBe("unsupported_media_type");
    expect((await page.request.get("/api/me")).status()).toBe(200);
  });
});

test(
  "with account deletion off, settings has no Delete section and its route is a 404",
  { tag: "@account-deletion" },
  async ({ page }) => {
    test.skip(
      testEnv.features.includes("account-deletion"),
      "checks the app with account deletion off: run with FEATURES=-account-deletion (or none)",
    );
    const user = await registerAndLogin(page, "delete-off");
    await openSettings(page, user);
    await expect(pagesOf(page).settings.navLink("delete")).toHaveCount(0);
    expect((await page.request.get("/settings/delete")).status()).toBe(404);
    const res = await page.request.post("/account/delete", { form: { email: user.email }, maxRedirects: 0 });
    expect(res.status()).toBe(404);
    expect((await page.request.get("/api/me")).status()).toBe(200);
  },
);
