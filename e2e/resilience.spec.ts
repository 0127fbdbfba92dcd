// Kratos down or slow: a friendly 503 with retry, never a stack trace, and recovery when
// Kratos returns. Needs the fault relay that `npm test` puts between the app and Kratos.
import { expect, test, type Page } from "@playwright/test";
import { requires, testEnv } from "./support/env";
import { registerAndLogin } from "./support/users";

async function kratos(mode: "pass" | "down" | "slow") {
  const res = await fetch(`${testEnv.faultControlUrl}/mode/${mode}`, { method: "POST" });
  expect(res.ok).toBe(true);
}

async function expect503(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status()).toBe(503);
  expect(res?.headers()["retry-after"]).toBe("5");
  await expect(page.getByRole("heading", { name: "Sign-in is temporarily unavailable" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Try again now" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/Error:|at \w+ \(|node_modules/);
}

test.describe("when Kratos is unavailable @fault", () => {
  requires("faultControl");
  test.describe.configure({ mode: "serial" });
  test.afterEach(async () => kratos("pass"));

  test("down: pages answer 503 with retry, and work again when Kratos is back", async ({ page, request }) => {
    await kratos("down");
    await expect503(page, "/login");
    await expect503(page, "/registration?flow=00000000-0000-4000-8000-000000000000");
    const api = await request.get("/api/me", { headers: { "x-session-token": "anything" } });
    expect(api.status()).toBe(503);
    expect(await api.json()).toMatchObject({ error: { id: "identity_service_unavailable" } });
    // Liveness stays green (the app is up); readiness says Kratos is away.
    expect((await request.get("/api/health")).status()).toBe(200);
    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(503);
    expect(await ready.json()).toMatchObject({ app: "ok", kratos: "unavailable" });

    await kratos("pass");
    await page.getByRole("link", { name: "Try again now" }).click();
    await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
    expect((await request.get("/api/ready")).status()).toBe(200);
  });

  test("slow: a request that outlasts the timeout gets 503, not a hang", async ({ page }) => {
    await kratos("slow");
    await expect503(page, "/login");
    await kratos("pass");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("a signed-in user sees a notice, not an error, and keeps the session", async ({ page }) => {
    const user = await registerAndLogin(page, "resilience");
    await kratos("down");
    const res = await page.goto("/");
    expect(res?.status()).toBe(200);
    await expect(page.getByText("The identity service is unavailable right now")).toBeVisible();
    await kratos("pass");
    await page.reload();
    await expect(page.getByTestId("signed-in-as")).toContainText(user.email);
  });
});
