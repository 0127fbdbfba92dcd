// Journeys done at Kratos's public API reached directly (KRATOS_PUBLIC_URL_DIRECT), which only an
// exposed Kratos would allow: the same-inbox bypass the app's factor guard refuses through the
// BFF. The tests that show the app still refuses such a session (exposed-kratos, proxy-contract)
// make it here.
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { codeMailedBy, SUBJECTS } from "./mail";

const JSON_ACCEPT = { accept: "application/json" };

export interface Flow {
  id: string;
  ui: { nodes: { attributes: { name?: string; value?: unknown } }[] };
}

export function csrfOf(flow: Flow): string {
  return String(flow.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value ?? "");
}

/** Starts a browser flow at Kratos (its JSON, not the redirect). */
export async function browserFlow(kratos: APIRequestContext, path: string): Promise<Flow> {
  return (await (await kratos.get(path, { headers: JSON_ACCEPT })).json()) as Flow;
}

/** Recovery by an emailed code; Kratos's answer to the code (a session is set on `kratos`). */
export async function recoverByCode(kratos: APIRequestContext, email: string): Promise<APIResponse> {
  const flow = await browserFlow(kratos, "/self-service/recovery/browser");
  const code = await codeMailedBy(email, SUBJECTS.recovery, () =>
    kratos.post(`/self-service/recovery?flow=${flow.id}`, {
      headers: JSON_ACCEPT,
      data: { method: "code", email, csrf_token: csrfOf(flow) },
    }),
  );
  return kratos.post(`/self-service/recovery?flow=${flow.id}`, {
    headers: JSON_ACCEPT,
    data: { method: "code", code, csrf_token: csrfOf(flow) },
  });
}

/**
 * The aal2 step-up of the session on `kratos` with an email code to `email`, which Kratos accepts
 * whatever the first factor was (Kratos #4317).
 */
export async function emailCodeStepUp(kratos: APIRequestContext, email: string): Promise<void> {
  const flow = await browserFlow(kratos, "/self-service/login/browser?aal=aal2");
  const code = await codeMailedBy(email, SUBJECTS.login, () =>
    kratos.post(`/self-service/login?flow=${flow.id}`, {
      headers: JSON_ACCEPT,
      data: { method: "code", address: email, csrf_token: csrfOf(flow) },
    }),
  );
  const done = await kratos.post(`/self-service/login?flow=${flow.id}`, {
    headers: JSON_ACCEPT,
    data: { method: "code", code, identifier: email, csrf_token: csrfOf(flow) },
  });
  expect(done.status()).toBe(200);
}
