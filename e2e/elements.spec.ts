// The opt-in Ory Elements pages (/elements/…, UI_KIT=elements) on the default stack, visited
// directly: the kit's forms work through the BFF, the factor policy holds there exactly as on
// the app's own pages, passkeys run under the nonce CSP, and axe finds nothing serious.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type Response } from "@playwright/test";
import { pagesOf } from "./pages";
import { requiresFeature } from "./support/env";
import { SUBJECTS, waitForCode } from "./support/mail";
import { signOut } from "./support/session";
import { enableTotp } from "./support/totp";
import { newUser, registerAndLogin, stepUpWithEmailCode } from "./support/users";
import { addVirtualAuthenticator } from "./support/webauthn";

/** Content-Security-Policy reports the browser logged while the test ran. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) seen.push(m.text());
  });
  return seen;
}

/** A string only the kit's bundle contains (its test ids), to tell its JavaScript apart. */
const KIT_MARK = "ory/form/node/input";

/** The bodies of the scripts a page loads while `open` runs. */
async function scriptsLoadedBy(page: Page, open: () => Promise<void>): Promise<string[]> {
  const bodies: Promise<string>[] = [];
  const collect = (r: Response) => {
    if (r.request().resourceType() === "script") bodies.push(r.text());
  };
  page.on("response", collect);
  await open();
  await page.waitForLoadState("networkidle");
  page.off("response", collect);
  return Promise.all(bodies);
}

/** Serious or critical WCAG 2.1 A/AA violations, light and dark (as e2e/a11y.spec.ts checks the app's pages). */
async function seriousViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    for (const v of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
      found.push(
        `${colorScheme}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  return found;
}

test.describe("Ory Elements pages", { tag: "@elements" }, () => {
  requiresFeature("elements");
  test("registration and password sign-in", async ({ page }) => {
    const { elements, secureAccount, home } = pagesOf(page);
    const violations = cspViolations(page);
    const user = newUser("elements");
    await elements.open("registration");
    await elements.signUpWithPassword(user);
    await expect(page).not.toHaveURL(/\/elements\/registration/);
    await page.context().clearCookies();

    await elements.open("login");
    await elements.signInWithPassword(user);
    // The first sign-in passes through /continue, as on the app's own page: the enrollment gate.
    await expect(secureAccount.gate).toBeVisible();
    await home.open();
    await expect(home.signedInAs).toContainText(user.email);

    // After a password, an email code is a second channel: the kit offers it at step-up.
    await elements.open("login", { aal: "aal2" });
    await expect(elements.inboxCodeHidden).toHaveCount(0);
    await expect(elements.emailCodeMethod.first()).toBeAttached();
    expect(violations).toEqual([]);
  });

  test(
    "recovery, then step-up: no email code, a hand-made code POST refused as on /login, TOTP works",
    { tag: "@policy" },
    async ({ page }) => {
      const { elements, settings } = pagesOf(page);
      const user = await registerAndLogin(page, "elementsattack");
      const secret = await enableTotp(page, user);
      await signOut(page);

      await elements.open("recovery");
      const since = new Date();
      await elements.requestRecoveryCode(user.email);
      await elements.submitRecoveryCode(await waitForCode(user.email, SUBJECTS.recovery, since));
      // Kratos sends the recovered session on to settings, which asks for a second factor.
      await expect(page).toHaveURL(/\/login\?.*flow=/);
      await elements.open("login", { aal: "aal2", return_to: "/settings" });
      await expect(elements.inboxCodeHidden).toContainText("another email code cannot be your second step");
      await expect(elements.emailCodeMethod).toHaveCount(0);

      const flowId = elements.flowId();
      const csrf = await elements.hiddenValue("csrf_token");
      const action = `/api/kratos/self-service/login?flow=${flowId}`;
      const asForm = await page.request.post(action, {
        form: { csrf_token: csrf, method: "code", code: "123456", identifier: user.email },
        maxRedirects: 0,
      });
      expect(asForm.status()).toBe(303);
      expect(asForm.headers()["location"]).toContain(`flow=${flowId}&notice=inbox_second_factor`);
      // The kit submits JSON: the same refusal as for any API client.
      const asJson = await page.request.post(action, {
        data: { csrf_token: csrf, method: "code", address: user.email },
        headers: { accept: "application/json" },
      });
      expect(asJson.status()).toBe(403);
      expect((await asJson.json()).error.id).toBe("second_factor_same_channel");

      await elements.stepUpWithTotp(secret);
      await settings.expectOpen();
    },
  );

  test(
    "passkey sign-in runs Kratos's script under the page's nonce CSP",
    { tag: "@auth" },
    async ({ page }) => {
      const { registration, elements, secureAccount } = pagesOf(page);
      const violations = cspViolations(page);
      // A browser without passkey autofill (conditional mediation), so the button does the work.
      await page.addInitScript(() => {
        PublicKeyCredential.isConditionalMediationAvailable = async () => false;
      });
      const authenticator = await addVirtualAuthenticator(page, { residentKey: true });
      const user = newUser("elementspasskey");
      await registration.open();
      await registration.signUpWithPasskey(user.email);
      expect(await authenticator.credentialCount()).toBe(1);
      await page.context().clearCookies();

      const response = page.waitForResponse((r) => r.url().includes("/elements/login?flow="));
      await elements.open("login");
      const csp = (await response).headers()["content-security-policy"] ?? "";
      const pageNonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(pageNonce).toBeTruthy();
      // Kratos's nonce was replaced by the request's (browsers hide it from getAttribute).
      expect(await elements.webauthnScript.evaluate((s: HTMLScriptElement) => s.nonce)).toBe(pageNonce);
      expect(await elements.webauthnScript.getAttribute("src")).toMatch(
        /\/api\/kratos\/\.well-known\/ory\/webauthn\.js$/,
      );

      await elements.signInWithPasskey(user.email);
      await expect(secureAccount.gate).toBeVisible();
      expect(violations).toEqual([]);
    },
  );

  test("axe: every Elements page, light and dark", { tag: "@a11y" }, async ({ page }) => {
    test.slow();
    const { elements } = pagesOf(page);
    const found: string[] = [];
    for (const flow of ["login", "registration", "recovery", "verification"] as const) {
      await elements.open(flow);
      found.push(...(await seriousViolations(page)).map((v) => `${flow} ${v}`));
    }
    const user = await registerAndLogin(page, "elementsa11y");
    await page.goto("/elements/settings");
    if (/\/login/.test(page.url())) await stepUpWithEmailCode(page, user.email);
    await expect(page).toHaveURL(/\/elements\/settings\?.*flow=/);
    await elements.expectReady();
    found.push(...(await seriousViolations(page)).map((v) => `settings ${v}`));
    expect(found).toEqual([]);
  });

  test("the kit's JavaScript loads on the Elements pages only", async ({ page }) => {
    const { login, elements } = pagesOf(page);
    const appLogin = await scriptsLoadedBy(page, () => login.open());
    expect(appLogin.length).toBeGreaterThan(0);
    expect(appLogin.filter((js) => js.includes(KIT_MARK))).toHaveLength(0);
    const kitLogin = await scriptsLoadedBy(page, () => elements.open("login"));
    expect(kitLogin.some((js) => js.includes(KIT_MARK))).toBe(true);
  });
});
