// The factor policy against the real stack: the same-inbox AAL2 bypass (Kratos #4317) is
// closed in the UI and at the proxy, and per-route / per-transport requirements hold.
import { expect, test } from "@playwright/test";
import { pagesOf } from "./pages";
import { countEmails, flushCourier, latestCode, SUBJECTS } from "./support/mail";
import { signOut } from "./support/session";
import { enableTotp, stepUpWithTotp } from "./support/totp";
import {
  recoverWithEmailCode,
  registerAndLogin,
  stepUpWithEmailCode,
  submitPasswordLogin,
} from "./support/users";

test(
  "the same-inbox bypass is closed: hidden on the page, refused at the proxy, TOTP still works",
  { tag: ["@policy", "@smoke"] },
  async ({ page, request }) => {
    const { stepUp, settings, session } = pagesOf(page);
    const user = await registerAndLogin(page, "attack");
    const secret = await enableTotp(page, user);
    await signOut(page);
    const loginEmails = () => countEmails(user.email, { subject: SUBJECTS.login });
    const loginEmailsBefore = await loginEmails();

    await recoverWithEmailCode(page, user);
    await expect(stepUp.title).toBeVisible();
    await expect(stepUp.inboxCodeHidden).toContainText("another email code cannot be your second step");
    await expect(stepUp.method("code")).toHaveCount(0);
    await expect(stepUp.sendEmailCodeButtons).toHaveCount(0);
    await expect(stepUp.method("totp")).toBeVisible();

    // Hand-made POSTs of the email-code method, with a valid CSRF token and the session cookie.
    // Soft checks: without the guard, every step of the attack shows what got through.
    const flowId = stepUp.flowId();
    const csrf = await stepUp.hiddenValue("csrf_token");
    const action = `/api/kratos/self-service/login?flow=${flowId}`;
    const refusedBack = `/login?flow=${flowId}&notice=inbox_second_factor`;
    const attackStarted = new Date();
    const asForm = await page.request.post(action, {
      form: { csrf_token: csrf, address: user.email },
      maxRedirects: 0,
    });
    expect.soft(asForm.status()).toBe(303);
    expect.soft(asForm.headers()["location"]).toContain(refusedBack);
    const asJson = await page.request.post(action, {
      data: { csrf_token: csrf, method: "code", address: user.email },
      headers: { accept: "application/json" },
    });
    expect.soft(asJson.status()).toBe(403);
    expect.soft((await asJson.json()).error?.id).toBe("second_factor_same_channel");
    // Kratos never got the refused submissions, so it sent no login code.
    await flushCourier(request, user.email);
    expect.soft(await loginEmails()).toBe(loginEmailsBefore);

    // The code itself: the one Kratos mailed, had it got a request for one; a guess otherwise.
    const code = (await latestCode(user.email, SUBJECTS.login, attackStarted)) ?? "123456";
    const withCode = await page.request.post(action, {
      form: { csrf_token: csrf, method: "code", code, identifier: user.email },
      maxRedirects: 0,
    });
    expect.soft(withCode.status()).toBe(303);
    // Kratos would answer 303 too (back to its flow): only the notice shows the proxy refused it.
    expect.soft(withCode.headers()["location"]).toContain(refusedBack);
    const whoami = await page.request.get("/api/kratos/sessions/whoami", {
      headers: { accept: "application/json" },
    });
    const methods = (await whoami.json()).authentication_methods.map((m: { method: string }) => m.method);
    expect(methods, "Kratos recorded no email code").toEqual(["code_recovery"]);

    // The refusal shows on the flow page, and the authenticator app still completes step-up.
    await page.goto(asForm.headers()["location"]!);
    await expect(stepUp.sameInboxRefused).toBeVisible();
    await stepUpWithTotp(page, secret);
    await settings.expectOpen();

    await session.open();
    await expect(session.effectiveAal).toHaveText("aal2");
    await expect(session.amrMethods).toHaveText(["code_recovery", "totp"]);
  },
);

test("password + email code still counts: two different channels", { tag: "@policy" }, async ({ page }) => {
  const { stepUp, session } = pagesOf(page);
  const user = await registerAndLogin(page, "twochannels");
  await enableTotp(page, user);
  await signOut(page);
  await submitPasswordLogin(page, user);
  await stepUp.expectOpen();
  await expect(stepUp.inboxCodeHidden).toHaveCount(0);
  await stepUpWithEmailCode(page, user.email);
  await session.open();
  await expect(session.effectiveAal).toHaveText("aal2");
  await expect(session.kratosAal).toHaveText("aal2");
});

test(
  "a user whose only second factor is the inbox meets the dead-end page after recovery",
  { tag: "@policy" },
  async ({ page }) => {
    const { stepUp } = pagesOf(page);
    const user = await registerAndLogin(page, "deadend");
    await signOut(page);
    await recoverWithEmailCode(page, user);
    await expect(stepUp.deadEnd).toBeVisible();
    await expect(stepUp.deadEnd).toContainText("same inbox");
    await expect(stepUp.deadEndSignOut).toBeVisible();
    await expect(stepUp.loginForms).toHaveCount(0);
  },
);

test(
  "a protected page at aal1 steps up and then returns to the original URL",
  { tag: ["@policy", "@smoke"] },
  async ({ page }) => {
    const { stepUp, session } = pagesOf(page);
    const user = await registerAndLogin(page, "stepup");
    await session.open("?tab=methods");
    await stepUp.expectOpen();
    await stepUpWithEmailCode(page, user.email);
    await expect(page).toHaveURL(/\/session\?tab=methods$/);
    await expect(session.effectiveAal).toHaveText("aal2");
  },
);

test(
  "/api/me: a session token at aal1 gets 200, an aal1 browser cookie gets 403 JSON",
  { tag: "@policy" },
  async ({ page, request }) => {
    const user = await registerAndLogin(page, "apime");

    const cookieRes = await page.request.get("/api/me");
    expect(cookieRes.status()).toBe(403);
    expect(await cookieRes.json()).toMatchObject({ error: { id: "session_aal2_required" } });

    // A native app signs in through the same proxy (Kratos API flow) and gets a session token.
    const flow = await (await request.get("/api/kratos/self-service/login/api")).json();
    const login = await request.post(flow.ui.action, {
      data: { method: "password", identifier: user.email, password: user.password },
    });
    expect(login.status()).toBe(200);
    const { session_token: token } = await login.json();
    expect(token).toBeTruthy();

    const tokenRes = await request.get("/api/me", { headers: { authorization: `Bearer ${token}` } });
    expect(tokenRes.status()).toBe(200);
    const me = await tokenRes.json();
    expect(me).toMatchObject({
      transport: "token",
      effective_aal: "aal1",
      identity: { traits: { email: user.email } },
    });

    const noAuth = await request.get("/api/me");
    expect(noAuth.status()).toBe(401);
    expect(await noAuth.json()).toMatchObject({ error: { id: "session_required" } });
    const badToken = await request.get("/api/me", { headers: { "x-session-token": "not-a-token" } });
    expect(badToken.status()).toBe(401);
  },
);
