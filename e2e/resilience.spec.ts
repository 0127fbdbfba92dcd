// Kratos down or slow: a friendly 503 with retry, never a stack trace, and recovery when
// Kratos returns. Needs the fault relay that `npm test` puts between the app and Kratos.
import { expect, test, type Page, type Response } from "@playwright/test";
import { pagesOf } from "./pages";
import { requires, testEnv } from "./support/env";
import { registerAndLogin } from "./support/users";

async function kratos(mode: "pass" | "down" | "slow") {
  const res = await fetch(`${testEnv.faultControlUrl}/mode/${mode}`, { method: "POST" });
  expect(res.ok).toBe(true);
}

async function expect503(page: Page, open: () => Promise<Response | null>) {
  const res = await open();
  expect(res?.status()).toBe(503);
  expect(res?.headers()["retry-after"]).toBe("5");
  const { unavailable } = pagesOf(page);
  await expect(unavailable.title).toBeVisible();
  await expect(unavailable.tryAgain).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/Error:|at \w+ \(|node_modules/);
}

test.describe("when Kratos is unavailable", { tag: "@fault" }, () => {
  requires("faultControl");
  test.describe.configure({ mode: "serial" });
  test.afterEach(async () => kratos("pass"));

  test("down: pages answer 503 with retry, and work again when Kratos is back", async ({ page, request }) => {
    const { unavailable, registration } = pagesOf(page);
    await kratos("down");
    await expect503(page, () => pagesOf(page).login.visit());
    await expect503(page, () => registration.open("?flow=00000000-0000-4000-8000-000000000000"));
    const api = await request.get("/api/me", { headers: { "x-session-token": "anything" } });
    expect(api.status()).toBe(503);
    expect(await api.json()).toMatchObject({ error: { id: "identity_service_unavailable" } });
    // Liveness stays green (the app is up); readiness says Kratos is away.
    expect((await request.get("/api/health")).status()).toBe(200);
    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(503);
    expect(await ready.json()).toMatchObject({ app: "ok", kratos: "unavailable" });

    await kratos("pass");
    await unavailable.tryAgain.click();
    await expect(registration.title).toBeVisible();
    expect((await request.get("/api/ready")).status()).toBe(200);
  });

  test("slow: a request that outlasts the timeout gets 503, not a hang", async ({ page }) => {
    const { login } = pagesOf(page);
    await kratos("slow");
    await expect503(page, () => login.visit());
    await kratos("pass");
    await page.reload();
    await expect(login.title).toBeVisible();
  });

  test("a signed-in user sees a notice, not an error, and keeps the session", async ({ page }) => {
    const { home } = pagesOf(page);
    const user = await registerAndLogin(page, "resilience");
    await kratos("down");
    const res = await home.open();
    expect(res?.status()).toBe(200);
    await expect(home.identityServiceDown).toBeVisible();
    await kratos("pass");
    await page.reload();
    await expect(home.signedInAs).toContainText(user.email);
  });
});
