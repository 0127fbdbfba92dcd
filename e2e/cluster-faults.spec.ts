// Faults on the production-shaped cluster (`npm run test:cluster`): an app instance, Kratos or
// Redis goes away while users are signed in. Driven through the cluster's fault control port
// (CLUSTER_CONTROL_URL); real processes are stopped and started, nothing is stubbed.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { pagesOf } from "./pages";
import { requires, testEnv } from "./support/env";
import { newUser, register, registerAndLogin, submitPasswordLogin, type TestUser } from "./support/users";

const INSTANCES = testEnv.clusterInstanceUrls;
const ACCOUNT_POINTS = 10; // lib/policy/rateLimitRules.ts RATE_LIMITS.account

async function control(part: string, action: "stop" | "start") {
  const res = await fetch(`${testEnv.clusterControlUrl}/${part}/${action}`, { method: "POST" });
  expect(res.ok, `${action} ${part}: ${await res.text()}`).toBe(true);
}

async function signedInUser(browser: Browser, tag: string): Promise<{ page: Page; user: TestUser }> {
  const page = await (await browser.newContext()).newPage();
  return { page, user: await registerAndLogin(page, tag) };
}

/** The home page greets the user: the app knows the session without a new sign-in. */
async function expectSignedIn(page: Page, user: TestUser) {
  const { home } = pagesOf(page);
  const res = await home.open();
  expect(res?.status()).toBe(200);
  await expect(home.signedInAs).toContainText(user.email);
}

/** Kratos itself (through the proxy, no app-side cache) still knows the session. */
async function expectKratosSession(page: Page, user: TestUser) {
  const res = await page.request.get("/api/kratos/sessions/whoami", {
    headers: { accept: "application/json" },
  });
  expect(res.status()).toBe(200);
  expect((await res.json()).identity.traits.email).toBe(user.email);
}

test.describe("cluster faults", { tag: ["@fault", "@cluster"] }, () => {
  requires("clusterControl");
  test.describe.configure({ mode: "serial" });
  test.afterEach(async () => {
    for (const part of [...INSTANCES.map((_, i) => `app/${i}`), "kratos", "redis"])
      await control(part, "start");
  });

  test("an app instance stops: signed-in users go on through the other one without signing in again", async ({
    browser,
  }) => {
    requires("clusterInstances");
    const a = await signedInUser(browser, "instance-a");
    const b = await signedInUser(browser, "instance-b");
    for (const stopped of [0, 1]) {
      await control(`app/${stopped}`, "stop");
      // Round-robin would send every other request to the stopped instance: all must succeed.
      for (let i = 0; i < 4; i++) {
        await expectSignedIn(a.page, a.user);
        await expectSignedIn(b.page, b.user);
      }
      // A form submission through the proxy (re-authentication) works too.
      const { login } = pagesOf(a.page);
      await login.openRefresh("/?refreshed=1");
      await login.confirmPassword(a.user.password);
      await expect(a.page).toHaveURL(/\/\?refreshed=1$/);
      await control(`app/${stopped}`, "start");
    }
    await expectKratosSession(a.page, a.user);
    await expectKratosSession(b.page, b.user);
  });

  test("Kratos restarts: the 503 page while it is away, then every session made before is still valid", async ({
    browser,
    page,
  }) => {
    const users = [await signedInUser(browser, "restart-1"), await signedInUser(browser, "restart-2")];
    await control("kratos", "stop");

    const { login, unavailable } = pagesOf(page);
    const res = await login.visit();
    expect(res?.status()).toBe(503);
    await expect(unavailable.title).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/Error:|at \w+ \(|node_modules/);
    const first = pagesOf(users[0]!.page).home;
    const signedIn = await first.open();
    expect(signedIn?.status()).toBe(200);
    await expect(first.identityServiceDown).toBeVisible();

    await control("kratos", "start");
    await unavailable.tryAgain.click();
    await expect(login.title).toBeVisible();
    for (const { page: p, user } of users) {
      await expectKratosSession(p, user);
      await expectSignedIn(p, user);
    }
  });

  test("Redis stops: sign-ins still work and each instance falls back to its own counters", async ({
    page,
  }) => {
    requires("clusterInstances");
    await control("redis", "stop");
    const signer = newUser("no-redis");
    await register(page, signer);
    await page.context().clearCookies();
    await submitPasswordLogin(page, signer);
    await expect(page).not.toHaveURL(/\/login\?/);

    // Another account for the guesses: the sign-in above drew a point on one instance.
    const user = newUser("no-redis-guessed");
    await page.context().clearCookies();
    await register(page, user);
    await page.context().clearCookies();
    const { login } = pagesOf(page);
    await login.open();
    const flowId = login.flowId();
    const csrf = await login.hiddenValue("csrf_token");
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    /** A wrong password posted straight to one instance: true when that instance refused it as too many. */
    const refused = async (instance: string, attempt: string) => {
      const res = await page.request.post(`${instance}/api/kratos/self-service/login?flow=${flowId}`, {
        form: {
          csrf_token: csrf,
          identifier: user.email,
          password: `wrong-${attempt}-password`,
          method: "password",
        },
        headers: { cookie },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(303);
      return (res.headers()["location"] ?? "").includes("notice=too_many_attempts");
    };
    // Without Redis each instance counts alone (docs/security.md, "Rate limits"): every instance in turn
    // allows exactly the account's points, then refuses. A counter still shared between them
    // would refuse the second instance's first attempt.
    for (const [i, instance] of INSTANCES.entries()) {
      const answers: boolean[] = [];
      for (let n = 0; n <= ACCOUNT_POINTS; n++) answers.push(await refused(instance, `${i}-${n}`));
      expect(answers, `instance ${i} (${instance})`).toEqual([
        ...Array<boolean>(ACCOUNT_POINTS).fill(false),
        true,
      ]);
    }
  });
});
