// UI_KIT=elements (`npm run test:elements`): the app hands its own flow pages over to the Ory
// Elements pages (proxy.ts), and Kratos's ui_urls point there too, so a person goes from the
// first page to signed in without ever seeing the app's own forms. e2e/elements.spec.ts tests
// the Elements pages themselves, visited directly on the default stack.
import { expect, test } from "@playwright/test";
import { pagesOf } from "./pages";
import { requiresFeature, requires, testEnv } from "./support/env";
import { newUser } from "./support/users";

const FLOWS = ["login", "registration", "recovery", "verification", "settings"] as const;
/** Kratos's browser flows that a signed-out browser can start. */
const SIGNED_OUT_FLOWS = ["login", "registration", "recovery", "verification"] as const;
const FLOW_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

test.describe(
  "UI_KIT=elements: every flow is on the Elements pages",
  { tag: ["@ui-kit", "@elements"] },
  () => {
    requiresFeature("elements");
    requires("elementsKit");

    test("the app's flow paths redirect to their /elements twins with the same query", async ({ page }) => {
      const { elements } = pagesOf(page);
      for (const flow of FLOWS) {
        const res = await page.request.get(`/${flow}?return_to=%2Fsession&aal=aal2`, { maxRedirects: 0 });
        expect(res.status(), flow).toBe(307);
        expect(new URL(res.headers()["location"] ?? "", testEnv.baseUrl).href, flow).toBe(
          `${testEnv.baseUrl}/elements/${flow}?return_to=%2Fsession&aal=aal2`,
        );
      }
      await page.goto("/login");
      await expect(page).toHaveURL(new RegExp(`/elements/login\\?flow=${FLOW_ID}$`));
      await elements.expectReady();
    });

    test("Kratos's browser flows redirect to the Elements pages (its ui_urls)", async ({ page }) => {
      for (const flow of SIGNED_OUT_FLOWS) {
        const res = await page.request.get(`/api/kratos/self-service/${flow}/browser`, { maxRedirects: 0 });
        expect(res.status(), flow).toBe(303);
        expect(res.headers()["location"], flow).toMatch(
          new RegExp(`^${testEnv.baseUrl}/elements/${flow}\\?flow=${FLOW_ID}$`),
        );
      }
    });

    test("sign-up, sign-out and sign-in complete on the kit, from the app's own paths", async ({ page }) => {
      const { elements, home, secureAccount } = pagesOf(page);
      const user = newUser("uikit");
      await page.goto("/registration");
      await expect(page).toHaveURL(/\/elements\/registration\?flow=/);
      await elements.expectReady();
      await elements.signUpWithPassword(user);
      // Kratos's after-registration hook sends the browser to its verification ui_url: the kit's.
      await expect(page).toHaveURL(/\/elements\/verification\?flow=/);
      await home.open();
      await expect(home.signedInAs).toContainText(user.email);

      // Kratos's logout returns to the app's /login, which hands over again.
      await home.signOutButton.click();
      await expect(page).toHaveURL(/\/elements\/login\?flow=/);
      await home.open();
      await expect(home.welcome).toBeVisible();

      await page.goto("/login");
      await expect(page).toHaveURL(/\/elements\/login\?flow=/);
      await elements.expectReady();
      await elements.signInWithPassword(user);
      await expect(secureAccount.gate).toBeVisible();
      await secureAccount.skip();
      await home.open();
      await expect(home.signedInAs).toContainText(user.email);

      // The app's step-up for settings (a second factor is available: the email code) is the kit's too.
      await page.goto("/settings");
      await expect(page).toHaveURL(/\/elements\/login\?flow=/);
      await elements.expectReady();
      await expect(elements.emailCodeMethod.first()).toBeAttached();
    });
  },
);
