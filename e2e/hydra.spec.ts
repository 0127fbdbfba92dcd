// The app as Ory Hydra's login, consent and logout UI (the hydra feature), against the real Hydra
// and Kratos: relying parties registered per test, ID tokens verified by openid-client, and the
// `acr` the app's factor policy trusts, not Kratos's.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { pagesOf } from "./pages";
import { requires, testEnv } from "./support/env";
import { sameInboxAal2AtKratos } from "./support/credentials";
import { callbackError, demoRpEvents, finishFlow, registerTestClient, startFlow } from "./support/hydra";
import { enableTotp, stepUpWithTotp } from "./support/totp";
import { signOut } from "./support/session";
import { login, recoverWithEmailCode, registerAndLogin } from "./support/users";

const consentPage = (page: Page) => page.getByTestId("oauth2-consent");

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test.describe("Hydra login, consent and logout", { tag: "@hydra" }, () => {
  requires("hydra");

  test("code flow with PKCE: consent in words, a verified ID token with acr aal1 after a password, remembered consent skips", async ({
    page,
  }) => {
    const user = await registerAndLogin(page, "rp");
    const rp = await registerTestClient({ tag: "consent" });
    const flow = await startFlow(page, rp);
    await expect(consentPage(page)).toBeVisible();
    await expect(page.getByText(`${rp.name} wants to use your account.`)).toBeVisible();
    const scopes = page.getByTestId("oauth2-scopes").getByRole("listitem");
    await expect(scopes).toHaveText([
      "Know that it is you (your account id)",
      "See your email address and whether it is verified",
      "See your name",
    ]);
    await expectNoAxeViolations(page);
    await page.getByLabel("Remember my decision for this application").check();
    await page.getByRole("button", { name: "Allow" }).click();
    const claims = await finishFlow(page, rp, flow);
    expect(claims.iss).toBe(testEnv.hydraPublicUrl!.replace(/\/?$/, "/"));
    expect(claims.aud).toContain(rp.id);
    expect(claims.nonce).toBe(flow.nonce);
    expect(claims.acr).toBe("aal1");
    expect(claims.amr).toEqual(["password"]);
    expect(claims.email).toBe(user.email);
    expect(claims.email_verified).toBe(false);

    // Remembered: the next sign-in of this client goes straight back.
    const again = await startFlow(page, rp);
    const second = await finishFlow(page, rp, again);
    expect(second.sub).toBe(claims.sub);
  });

  test("consent denied: the client gets access_denied", async ({ page }) => {
    await registerAndLogin(page, "deny");
    const rp = await registerTestClient({ tag: "deny" });
    await startFlow(page, rp);
    await expect(consentPage(page)).toBeVisible();
    const challenge = new URL(page.url()).searchParams.get("consent_challenge")!;
    await page.getByRole("button", { name: "Deny" }).click();
    expect(await callbackError(page, rp)).toBe("access_denied");

    // The same challenge posted again, now allowing: refused, whatever it says.
    const replay = await page.request.post(`${testEnv.baseUrl}/oauth2/consent/decision`, {
      form: { consent_challenge: challenge, decision: "allow" },
      headers: { origin: testEnv.baseUrl },
      maxRedirects: 0,
    });
    expect(replay.status()).toBe(400);
    expect(await replay.text()).toContain('data-problem="answered"');
  });

  test("without JavaScript: the consent form and the hand-offs work, and the ID token comes back", async ({
    page,
    browser,
  }) => {
    const user = await registerAndLogin(page, "nojs");
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
    });
    try {
      const plain = await noJs.newPage();
      const rp = await registerTestClient({ tag: "nojs" });
      const flow = await startFlow(plain, rp);
      await expect(consentPage(plain)).toBeVisible();
      await plain.getByRole("button", { name: "Allow" }).click();
      const claims = await finishFlow(plain, rp, flow);
      expect(claims.email).toBe(user.email);
      expect(claims.acr).toBe("aal1");
    } finally {
      await noJs.close();
    }
  });

  test("a first-party client skips consent; sign-in starts at the client and comes back", async ({
    page,
  }) => {
    const user = await registerAndLogin(page, "first");
    await signOut(page);
    const rp = await registerTestClient({ firstParty: true, tag: "first" });
    const flow = await startFlow(page, rp);
    await expect(page).toHaveURL(/\/login/);
    await pagesOf(page).login.signInWithPassword(user);
    const claims = await finishFlow(page, rp, flow);
    expect(claims.email).toBe(user.email);
    expect(claims.acr).toBe("aal1");
  });

  test("acr_values=aal2 steps up first; after TOTP the ID token says aal2", async ({ page }) => {
    const user = await registerAndLogin(page, "totp");
    const secret = await enableTotp(page, user);
    await signOut(page);
    const rp = await registerTestClient({ firstParty: true, tag: "aal2" });
    const flow = await startFlow(page, rp, { acr_values: "aal2" });
    await pagesOf(page).login.signInWithPassword(user);
    await stepUpWithTotp(page, secret);
    const claims = await finishFlow(page, rp, flow);
    expect(claims.acr).toBe("aal2");
    expect(claims.amr).toEqual(["password", "totp"]);
  });

  test("after a recovery by email code, acr_values=aal2 offers no email code; TOTP completes it", async ({
    page,
  }) => {
    const { stepUp } = pagesOf(page);
    const user = await registerAndLogin(page, "recover");
    const secret = await enableTotp(page, user);
    await signOut(page);
    await recoverWithEmailCode(page, user);
    const rp = await registerTestClient({ firstParty: true, tag: "recover" });
    const flow = await startFlow(page, rp, { acr_values: "aal2" });
    await expect(stepUp.title).toBeVisible();
    await expect(stepUp.inboxCodeHidden).toBeVisible();
    await expect(stepUp.method("code")).toHaveCount(0);
    await stepUpWithTotp(page, secret);
    const claims = await finishFlow(page, rp, flow);
    expect(claims.acr).toBe("aal2");
    expect(claims.amr).toEqual(["code_recovery", "totp"]);
  });

  test(
    "after a recovery by email code plus an email code, the ID token says aal1 where Kratos says aal2",
    { tag: "@direct-kratos" },
    async ({ page, browser }) => {
      requires("directKratos");
      const user = await registerAndLogin(page, "sameinbox");
      // Two codes from one inbox, made at Kratos directly (the UI refuses the second).
      const { cookie } = await sameInboxAal2AtKratos(user);
      const context = await browser.newContext();
      try {
        const [name, ...value] = cookie
          .split("; ")
          .find((c) => c.startsWith("ory_kratos_session="))!
          .split("=");
        await context.addCookies([{ name: name!, value: value.join("="), url: testEnv.baseUrl }]);
        const fresh = await context.newPage();
        const whoami = await fresh.request.get(`${testEnv.baseUrl}/api/kratos/sessions/whoami`, {
          headers: { accept: "application/json" },
        });
        expect((await whoami.json()).authenticator_assurance_level).toBe("aal2");
        const rp = await registerTestClient({ firstParty: true, tag: "aal1" });
        const flow = await startFlow(fresh, rp);
        const claims = await finishFlow(fresh, rp, flow);
        expect(claims.acr).toBe("aal1");
        expect(claims.amr).toEqual(["code_recovery", "code"]);
      } finally {
        await context.close();
      }
    },
  );

  test("prompt=none without a session answers login_required", async ({ page }) => {
    const rp = await registerTestClient({ tag: "none" });
    await startFlow(page, rp, { prompt: "none" });
    expect(await callbackError(page, rp)).toBe("login_required");
  });

  test("prompt=login asks for the password again before going back", async ({ page }) => {
    const user = await registerAndLogin(page, "fresh");
    const rp = await registerTestClient({ firstParty: true, tag: "fresh" });
    const flow = await startFlow(page, rp, { prompt: "login" });
    await expect(page).toHaveURL(/\/login\?/);
    await pagesOf(page).login.confirmPassword(user.password);
    const claims = await finishFlow(page, rp, flow);
    expect(claims.acr).toBe("aal1");
  });

  test("a tampered or replayed challenge is refused", async ({ page }) => {
    const tampered = await page.goto("/oauth2/login?login_challenge=not-a-challenge");
    expect(tampered?.status()).toBe(400);
    await expect(page.getByTestId("oauth2-refused")).toHaveAttribute("data-problem", "unknown");

    await registerAndLogin(page, "replay");
    const rp = await registerTestClient({ firstParty: true, tag: "replay" });
    const loginUrl = page.waitForRequest((r) => r.url().includes("/oauth2/login?login_challenge="));
    const flow = await startFlow(page, rp);
    await finishFlow(page, rp, flow);
    const replayed = await page.goto((await loginUrl).url());
    expect(replayed?.status()).toBe(400);
    await expect(page.getByTestId("oauth2-refused")).toHaveAttribute("data-problem", "answered");
  });

  test("the demo RP signs in; its sign-out confirms, ends the Kratos session, and both logout channels reach it", async ({
    page,
  }) => {
    const user = await registerAndLogin(page, "logout");
    const rpUrl = testEnv.hydraDemoRpUrl!;
    await page.goto(rpUrl);
    await page.getByRole("link", { name: "Sign in", exact: true }).click();
    await page.getByRole("button", { name: "Allow" }).click();
    const claims = JSON.parse((await page.getByTestId("rp-claims").textContent())!);
    expect(claims.email).toBe(user.email);
    expect(claims.acr).toBe("aal1");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByTestId("oauth2-logout")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByTestId("rp-logged-out")).toBeVisible();
    // Hydra sends the back channel on its own, after the browser has moved on: on a loaded
    // machine (the cluster's two instances and nginx on 2 cores) it took over 15 s once.
    await expect
      .poll(
        async () =>
          (await demoRpEvents())
            .filter((e) => e.sid === claims.sid)
            .map((e) => e.channel)
            .sort(),
        { timeout: 45_000 },
      )
      .toEqual(["back", "front"]);

    // The app's own session ended too: a protected page asks to sign in.
    await page.goto("/session");
    await expect(page).toHaveURL(/\/login/);
    await login(page, user);
  });
});
