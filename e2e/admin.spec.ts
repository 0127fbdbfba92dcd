// What an operator does with Kratos's admin API, seen through the app: users seeded there sign
// in here, and revoking or deleting there takes effect at once. Runs when KRATOS_ADMIN_URL is
// set (npm test sets it; a deployment's admin API is normally private).
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { pagesOf } from "./pages";
import { INVALID_CREDENTIALS } from "./pages/LoginPage";
import { requires, testEnv } from "./support/env";
import { login, newUser, submitPasswordLogin } from "./support/users";

const json = { accept: "application/json" };

async function whoamiStatus(request: APIRequestContext): Promise<number> {
  return (await request.get("/api/kratos/sessions/whoami", { headers: json })).status();
}

test(
  "a user seeded with the admin API signs in; revoking its sessions and deleting it there take effect at once",
  { tag: ["@admin", "@auth"] },
  async ({ page }) => {
    requires("admin");
    const { home, login: loginPage } = pagesOf(page);
    const admin = await playwrightRequest.newContext({ baseURL: testEnv.kratosAdminUrl });
    const user = newUser("admin");
    const created = await admin.post("/admin/identities", {
      headers: json,
      data: {
        schema_id: "default",
        traits: { email: user.email },
        credentials: { password: { config: { password: user.password } } },
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await login(page, user, { expectGate: true });
    await home.open();
    await expect(home.signedInAs).toContainText(user.email);
    expect(await whoamiStatus(page.request)).toBe(200);

    // Revoked at Kratos: the session is gone for Kratos at once (through the app's proxy too).
    expect((await admin.delete(`/admin/identities/${id}/sessions`)).status()).toBe(204);
    expect(await whoamiStatus(page.request)).toBe(401);

    // Deleted at Kratos: the password no longer signs in.
    expect((await admin.delete(`/admin/identities/${id}`)).status()).toBe(204);
    await page.context().clearCookies();
    await submitPasswordLogin(page, user);
    await expect(loginPage.message(INVALID_CREDENTIALS)).toBeVisible();
    await admin.dispose();
  },
);
