// A first visit to a flow page gets the rendered form in its first response: no redirect to the
// BFF and back (proxy.ts starts the flow, lib/bff/firstFlow.ts), with Kratos's CSRF cookie on
// that same response, whether or not the browser runs JavaScript.
import { expect, test, type Page, type Response } from "@playwright/test";
import { pagesOf } from "./pages";
import { testEnv } from "./support/env";
import { newUser, register } from "./support/users";
import { signOut } from "./support/session";

/** How many redirects led to this response (0: the first response is the page). */
function hops(res: Response | null): number {
  let n = 0;
  for (let r = res?.request().redirectedFrom(); r; r = r.redirectedFrom()) n++;
  return n;
}

async function setCookieNames(res: Response): Promise<string[]> {
  return (await res.headersArray())
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value.split("=")[0] ?? "");
}

/** The flow the page shows, read through the BFF with the page's cookies. */
async function shownFlow(
  page: Page,
  kind: string,
): Promise<{ id: string; requested_aal?: string; return_to?: string }> {
  const id = await page
    .locator("form")
    .first()
    .getAttribute("action")
    .then((a) => new URL(a ?? "", testEnv.baseUrl).searchParams.get("flow"));
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const res = await page.request.get(`/api/kratos/self-service/${kind}/flows?id=${id}`, {
    headers: { accept: "application/json" },
  });
  expect(res.status()).toBe(200);
  return res.json();
}

for (const kind of ["login", "registration", "recovery"] as const) {
  test(
    `/${kind}: the first response is the form, with the CSRF cookie`,
    { tag: "@auth" },
    async ({ page }) => {
      const res = await page.goto(`/${kind}`);
      expect(res?.status()).toBe(200);
      expect(hops(res)).toBe(0);
      expect(await setCookieNames(res!)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^csrf_token/)]),
      );
      await expect(page.locator('input[name="csrf_token"]').first()).toBeAttached();
      // The address bar ends on Kratos's ?flow= address, as after the trip through the BFF.
      const flow = await shownFlow(page, kind);
      await expect(page).toHaveURL(new RegExp(`/${kind}\\?flow=${flow.id}$`));
    },
  );
}

test(
  "signing in from the first response works without JavaScript",
  { tag: "@auth" },
  async ({ browser, page }) => {
    const user = newUser("nojs-first");
    await register(page, user);
    await signOut(page);

    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const noJs = await context.newPage();
      const res = await noJs.goto("/login");
      expect(hops(res)).toBe(0);
      // Without JavaScript the address stays /login; the form posts to the BFF all the same.
      await expect(noJs).toHaveURL(/\/login$/);
      await pagesOf(noJs).login.signInWithPassword(user);
      await expect(noJs).not.toHaveURL(/\/login/);
      expect((await context.cookies()).map((c) => c.name)).toContain("ory_kratos_session");
    } finally {
      await context.close();
    }
  },
);

test("signing in from the first response works with JavaScript", { tag: "@auth" }, async ({ page }) => {
  const user = newUser("js-first");
  await register(page, user);
  await signOut(page);
  const res = await page.goto("/login");
  expect(hops(res)).toBe(0);
  await pagesOf(page).login.signInWithPassword(user);
  await expect(page).not.toHaveURL(/\/login/);
  expect((await page.context().cookies()).map((c) => c.name)).toContain("ory_kratos_session");
});

test(
  "return_to and aal=aal2 reach the flow started in the first response",
  { tag: "@auth" },
  async ({ page }) => {
    const user = newUser("aal-first");
    await register(page, user);
    const returnTo = `${testEnv.baseUrl}/session`;
    const res = await page.goto(`/login?aal=aal2&return_to=${encodeURIComponent(returnTo)}`);
    expect(hops(res)).toBe(0);
    const flow = await shownFlow(page, "login");
    expect(flow.requested_aal).toBe("aal2");
    expect(flow.return_to).toBe(returnTo);

    await signOut(page);
    const first = await page.goto(`/registration?return_to=${encodeURIComponent(returnTo)}`);
    expect(hops(first)).toBe(0);
    // A registration passes through /continue (the enrollment gate) on its way to return_to.
    expect((await shownFlow(page, "registration")).return_to).toBe(
      `${testEnv.baseUrl}/continue?return_to=${encodeURIComponent(returnTo)}`,
    );
  },
);

test(
  "a stale or another browser's flow id starts a new flow",
  { tag: "@auth" },
  async ({ browser, page }) => {
    const stale = "00000000-0000-4000-8000-000000000000";
    await page.goto(`/login?flow=${stale}`);
    const fresh = await shownFlow(page, "login");
    expect(fresh.id).not.toBe(stale);
    await expect(page).toHaveURL(new RegExp(`/login\\?flow=${fresh.id}&notice=flow_expired$`));
    await expect(pagesOf(page).login.firstSubmit).toBeVisible();

    // The same flow id in another browser: its CSRF cookie is missing there, Kratos refuses (403).
    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await otherPage.goto(`/login?flow=${fresh.id}`);
      const theirs = await shownFlow(otherPage, "login");
      expect(theirs.id).not.toBe(fresh.id);
      await expect(pagesOf(otherPage).login.firstSubmit).toBeVisible();
    } finally {
      await other.close();
    }
  },
);
