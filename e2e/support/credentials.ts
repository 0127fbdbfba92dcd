// Sessions in the forms a request can carry them (cookie header, session token), the same-inbox
// aal2 session only reachable at Kratos directly, and what the admin API says about an identity:
// what the credential tests of e2e/proxy-contract.spec.ts send and check.
import { expect, request as playwrightRequest, type BrowserContext } from "@playwright/test";
import { testEnv } from "./env";
import { browserFlow, csrfOf, emailCodeStepUp, recoverByCode, type Flow } from "./kratosDirect";
import type { TestUser } from "./users";

/** The Cookie header a browser context would send to the app. */
export async function cookieHeaderOf(context: BrowserContext): Promise<string> {
  return (await context.cookies(testEnv.baseUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** One cookie (`name=value`) of a Cookie header. */
export function cookieOf(header: string, name: string): string {
  const found = header.split("; ").find((c) => c.startsWith(`${name}=`));
  expect(found, `cookie ${name}`).toBeDefined();
  return found!;
}

/** Registers through the BFF's API flow and returns the new session's token (aal1). */
export async function registerForToken(user: TestUser): Promise<string> {
  const api = await playwrightRequest.newContext({ baseURL: testEnv.baseUrl });
  try {
    const flow = (await (await api.get("/api/kratos/self-service/registration/api")).json()) as Flow;
    const res = await api.post(`/api/kratos/self-service/registration?flow=${flow.id}`, {
      data: { method: "password", traits: { email: user.email }, password: user.password },
    });
    expect(res.status()).toBe(200);
    return String((await res.json()).session_token);
  } finally {
    await api.dispose();
  }
}

/**
 * A session Kratos calls aal2 from two codes of one inbox (recovery code + email code), made at
 * Kratos directly, which only an exposed Kratos would allow: the cookie header for the app and a
 * settings flow Kratos started for it.
 */
export async function sameInboxAal2AtKratos(
  user: TestUser,
): Promise<{ cookie: string; settings: { id: string; csrf: string } }> {
  const kratos = await playwrightRequest.newContext({ baseURL: testEnv.kratosPublicUrlDirect });
  try {
    await recoverByCode(kratos, user.email);
    await emailCodeStepUp(kratos, user.email);
    const settings = await browserFlow(kratos, "/self-service/settings/browser");
    const cookie = (await kratos.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    return { cookie, settings: { id: settings.id, csrf: csrfOf(settings) } };
  } finally {
    await kratos.dispose();
  }
}

interface AdminIdentity {
  id: string;
  credentials?: Record<string, unknown>;
}

async function withAdmin<T>(
  run: (admin: Awaited<ReturnType<typeof playwrightRequest.newContext>>) => Promise<T>,
) {
  const admin = await playwrightRequest.newContext({ baseURL: testEnv.kratosAdminUrl });
  try {
    return await run(admin);
  } finally {
    await admin.dispose();
  }
}

/** The identity with this email, with its credential types (admin API). */
export function identityByEmail(email: string): Promise<AdminIdentity> {
  return withAdmin(async (admin) => {
    const found = (await (
      await admin.get(`/admin/identities?credentials_identifier=${encodeURIComponent(email)}`)
    ).json()) as AdminIdentity[];
    expect(found).toHaveLength(1);
    return (await (await admin.get(`/admin/identities/${found[0]!.id}`)).json()) as AdminIdentity;
  });
}

/** The otpauth:// URI Kratos made for the identity's authenticator app (admin API). */
export async function totpUrlOf(email: string): Promise<URL> {
  const { id } = await identityByEmail(email);
  return withAdmin(async (admin) => {
    const res = await admin.get(`/admin/identities/${id}?include_credential=totp`);
    expect(res.ok()).toBe(true);
    const identity = (await res.json()) as { credentials: { totp?: { config: { totp_url: string } } } };
    return new URL(identity.credentials.totp!.config.totp_url);
  });
}

/** The ids of the identity's active sessions (admin API), sorted. */
export function activeSessionIds(identityId: string): Promise<string[]> {
  return withAdmin(async (admin) => {
    const res = await admin.get(`/admin/identities/${identityId}/sessions?active=true`);
    expect(res.ok()).toBe(true);
    return ((await res.json()) as { id: string }[]).map((s) => s.id).sort();
  });
}
