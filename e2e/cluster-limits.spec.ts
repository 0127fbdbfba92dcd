// Rate limits hold across app instances: an attacker whose requests alternate between the two
// instances meets the same per-account and per-address limits as against one, because the
// counters live in Redis. Needs the instances' own addresses (CLUSTER_INSTANCE_URLS), which
// `npm run test:cluster` provides; a deployment's instances are normally not reachable.
import { expect, test, type Page } from "@playwright/test";
import { pagesOf } from "./pages";
import { requires, testEnv } from "./support/env";
import { newUser, register } from "./support/users";

const INSTANCES = testEnv.clusterInstanceUrls;
// lib/policy/rateLimitRules.ts RATE_LIMITS
const ACCOUNT_POINTS = 10;
const ADDRESS_POINTS = 5;

/** A flow started through the public origin, and what a hand-made POST needs to submit it. */
async function startFlow(page: Page, kind: "login" | "recovery") {
  const flowPage = pagesOf(page)[kind];
  await flowPage.open();
  await expect(page).toHaveURL(/[?&]flow=/);
  const flowId = flowPage.flowId();
  const csrf = await flowPage.hiddenValue("csrf_token");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return { flowId, csrf, cookie };
}

/** POSTs straight to instance i % N (round-robin by hand); returns the redirect target. */
async function postTo(page: Page, i: number, path: string, cookie: string, form: Record<string, string>) {
  const res = await page.request.post(`${INSTANCES[i % INSTANCES.length]}${path}`, {
    form,
    headers: { cookie },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(303);
  return res.headers()["location"] ?? "";
}

test.describe("rate limits across instances", { tag: ["@security", "@cluster"] }, () => {
  requires("clusterInstances");

  test("sign-in attempts alternating between instances share one per-account limit", async ({ page }) => {
    const user = newUser("limit-account");
    await register(page, user);
    await page.context().clearCookies();
    const { flowId, csrf, cookie } = await startFlow(page, "login");
    const path = `/api/kratos/self-service/login?flow=${flowId}`;
    const attempt = (i: number, password: string) =>
      postTo(page, i, path, cookie, {
        csrf_token: csrf,
        identifier: user.email,
        password,
        method: "password",
      });

    for (let i = 0; i < ACCOUNT_POINTS; i++) {
      expect(await attempt(i, `wrong-${i}-password`)).not.toContain("too_many_attempts");
    }
    // Each instance has seen only half of them; the shared counter stops the next on both.
    for (let i = ACCOUNT_POINTS; i < ACCOUNT_POINTS + INSTANCES.length; i++) {
      expect(await attempt(i, user.password)).toContain("notice=too_many_attempts");
    }
  });

  test("recovery emails alternating between instances share one per-address limit", async ({ page }) => {
    const user = newUser("limit-address");
    await register(page, user);
    await page.context().clearCookies();
    const { flowId, csrf, cookie } = await startFlow(page, "recovery");
    const path = `/api/kratos/self-service/recovery?flow=${flowId}`;
    const send = (i: number) =>
      postTo(page, i, path, cookie, { csrf_token: csrf, email: user.email, method: "code" });

    for (let i = 0; i < ADDRESS_POINTS; i++) expect(await send(i)).not.toContain("too_many_attempts");
    for (let i = ADDRESS_POINTS; i < ADDRESS_POINTS + INSTANCES.length; i++) {
      expect(await send(i)).toContain("notice=too_many_attempts");
    }
  });
});
