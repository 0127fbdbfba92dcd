// The relying-party side of the hydra e2e: clients registered for one test each through Hydra's
// admin API, and authorization-code flows with PKCE run by `openid-client` in the test process,
// which verifies the ID token (signature, issuer, audience, nonce). The browser does the rest.
import { expect, request as playwrightRequest, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import * as client from "openid-client";
import { testEnv } from "./env";

export interface TestClient {
  id: string;
  name: string;
  config: client.Configuration;
  redirectUri: string;
}

/** Registers a client of its own for a test; `firstParty` clients skip the consent page. */
export async function registerTestClient(
  opts: { firstParty?: boolean; tag?: string } = {},
): Promise<TestClient> {
  const id = `e2e-${opts.tag ?? "client"}-${randomBytes(4).toString("hex")}`;
  const secret = randomBytes(24).toString("hex");
  // Never served: the test takes the code from the URL the browser is sent to.
  const redirectUri = `${testEnv.hydraDemoRpUrl}/e2e-callback/${id}`;
  const admin = await playwrightRequest.newContext({ baseURL: testEnv.hydraAdminUrl });
  try {
    const res = await admin.post("/admin/clients", {
      data: {
        client_id: id,
        client_secret: secret,
        client_name: `Test app ${id}`,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        scope: "openid email profile",
        metadata: { first_party: opts.firstParty === true },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  } finally {
    await admin.dispose();
  }
  const config = await client.discovery(
    new URL(testEnv.hydraPublicUrl!),
    id,
    secret,
    client.ClientSecretBasic(secret),
    {
      execute: [client.allowInsecureRequests],
    },
  );
  return { id, name: `Test app ${id}`, config, redirectUri };
}

export interface PendingFlow {
  verifier: string;
  state: string;
  nonce: string;
}

/** Opens the authorization URL (code + PKCE + nonce) in the browser. */
export async function startFlow(
  page: Page,
  rp: TestClient,
  extra: Record<string, string> = {},
): Promise<PendingFlow> {
  const flow = {
    verifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
  };
  // The callback is not served: answer it here so the page settles on its URL.
  await page.route(`${rp.redirectUri}**`, (route) => route.fulfill({ status: 200, body: "callback" }));
  const url = client.buildAuthorizationUrl(rp.config, {
    redirect_uri: rp.redirectUri,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
    ...extra,
  });
  await page.goto(url.href);
  return flow;
}

/** Waits for the browser at the client's callback and returns that URL. */
export async function callbackUrl(page: Page, rp: TestClient): Promise<URL> {
  await page.waitForURL((u) => u.href.startsWith(rp.redirectUri));
  return new URL(page.url());
}

/** Redeems the code; openid-client checks the ID token's signature, iss, aud and nonce. */
export async function finishFlow(page: Page, rp: TestClient, flow: PendingFlow) {
  const tokens = await client.authorizationCodeGrant(rp.config, await callbackUrl(page, rp), {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
  return tokens.claims()!;
}

/** The error the client's callback got (`error` of the authorization response). */
export async function callbackError(page: Page, rp: TestClient): Promise<string | null> {
  return (await callbackUrl(page, rp)).searchParams.get("error");
}

/** The logout events (front and back channel) the demo relying party has received. */
export async function demoRpEvents(): Promise<{ channel: string; sid: string }[]> {
  const api = await playwrightRequest.newContext({ baseURL: testEnv.hydraDemoRpUrl });
  try {
    return (await (await api.get("/events")).json()) as { channel: string; sid: string }[];
  } finally {
    await api.dispose();
  }
}
