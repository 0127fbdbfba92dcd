// What if Kratos's public port were reachable directly? Then the same-inbox bypass can be
// done at Kratos, out of the app's reach. This test does exactly that (recovery code +
// email code, both from one inbox: Kratos says aal2) and shows that the app still refuses
// the session on every route it protects. Runs only when KRATOS_PUBLIC_URL_DIRECT is set
// (npm test sets it for its loopback Kratos).
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { pagesOf } from "./pages";
import { requires, testEnv } from "./support/env";
import { SUBJECTS, waitForCode } from "./support/mail";
import { registerAndLogin } from "./support/users";

const json = { accept: "application/json" };

interface Flow {
  id: string;
  ui: { nodes: { attributes: { name?: string; value?: unknown } }[] };
}

function csrfOf(flow: Flow): string {
  return String(flow.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value ?? "");
}

test(
  "a same-inbox aal2 session made at Kratos directly is still not trusted by the app",
  { tag: ["@policy", "@direct-kratos"] },
  async ({ page, context }) => {
    requires("directKratos");
    const user = await registerAndLogin(page, "exposed");
    await context.clearCookies();

    const kratos = await playwrightRequest.newContext({ baseURL: testEnv.kratosPublicUrlDirect });
    // 1. Recovery by emailed code, straight at Kratos.
    const recovery = (await (
      await kratos.get("/self-service/recovery/browser", { headers: json })
    ).json()) as Flow;
    let since = new Date();
    await kratos.post(`/self-service/recovery?flow=${recovery.id}`, {
      headers: json,
      data: { method: "code", email: user.email, csrf_token: csrfOf(recovery) },
    });
    const recoveryCode = await waitForCode(user.email, SUBJECTS.recovery, since);
    const recovered = await kratos.post(`/self-service/recovery?flow=${recovery.id}`, {
      headers: json,
      data: { method: "code", code: recoveryCode, csrf_token: csrfOf(recovery) },
    });
    expect((await recovered.json()).error?.id).toBe("browser_location_change_required");

    // 2. "Second factor": an email code to the same inbox, straight at Kratos.
    const stepUp = (await (
      await kratos.get("/self-service/login/browser?aal=aal2", { headers: json })
    ).json()) as Flow;
    since = new Date();
    await kratos.post(`/self-service/login?flow=${stepUp.id}`, {
      headers: json,
      data: { method: "code", address: user.email, csrf_token: csrfOf(stepUp) },
    });
    const loginCode = await waitForCode(user.email, SUBJECTS.login, since);
    const done = await kratos.post(`/self-service/login?flow=${stepUp.id}`, {
      headers: json,
      data: { method: "code", code: loginCode, identifier: user.email, csrf_token: csrfOf(stepUp) },
    });
    expect(done.status()).toBe(200);
    const whoami = await (await kratos.get("/sessions/whoami", { headers: json })).json();
    expect(whoami.authenticator_assurance_level).toBe("aal2"); // Kratos is fooled
    expect(whoami.authentication_methods.map((m: { method: string }) => m.method)).toEqual([
      "code_recovery",
      "code",
    ]);

    // 3. The same session cookie in the browser, on the app.
    const session = (await kratos.storageState()).cookies.find((c) => c.name === "ory_kratos_session")!;
    await context.addCookies([{ name: session.name, value: session.value, url: testEnv.baseUrl }]);
    await kratos.dispose();

    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(403);
    expect(await me.json()).toMatchObject({ error: { id: "session_aal2_required" } });

    // Step-up with refresh=true; this user has no factor besides the inbox, so: the dead end.
    const { session: sessionPage, settings, stepUp: stepUpPage } = pagesOf(page);
    await sessionPage.open();
    await expect(page).toHaveURL(/\/login\?.*flow=/);
    await expect(stepUpPage.deadEnd).toBeVisible();
    await settings.open();
    await expect(stepUpPage.deadEnd).toBeVisible();
    // Not even Kratos's settings endpoints are reachable with it through the proxy.
    const settingsInit = await page.request.get("/api/kratos/self-service/settings/browser", {
      maxRedirects: 0,
    });
    expect(settingsInit.status()).toBe(303);
    expect(settingsInit.headers()["location"]).toMatch(/\/login\?aal=aal2&refresh=true/);
    const settingsApi = await page.request.get("/api/kratos/self-service/settings/api", { headers: json });
    expect(settingsApi.status()).toBe(403);
    // Nor through the Ory Elements start, which asks Kratos for a settings flow itself.
    const elementsStart = await page.request.get("/elements/start/settings", { maxRedirects: 0 });
    expect(elementsStart.status()).toBe(303);
    expect(elementsStart.headers()["location"]).toMatch(
      /\/login\?aal=aal2&refresh=true&return_to=[^&]*elements%2Fsettings/,
    );
  },
);
