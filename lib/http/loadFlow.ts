// Loads the flow a page shows, or sends the browser where it needs to go instead:
// no flow id → start one through the BFF (/login, /registration and /recovery get theirs from
// proxy.ts already: lib/bff/firstFlow.ts); expired/unknown/CSRF/aal errors → lib/http/kratosErrors.ts;
// Kratos down → the 503 page.
import "server-only";
import { redirect } from "next/navigation";
import { getFlow } from "@/lib/kratos/client";
import { mapKratosError, type LoadError } from "@/lib/http/kratosErrors";
import { KratosResponseError, KratosUnavailableError } from "@/lib/kratos/errors";
import type { FlowByKind, FlowKind } from "@/lib/kratos/flows";
import { browserFlowInitPath, elementsStartPath, ELEMENTS_PREFIX } from "@/lib/http/paths";
import type { UiKit } from "@/lib/config";
import { isSafeRedirect } from "@/lib/http/returnTo";
import { pageCredential } from "@/lib/http/credential";
import { credentialHeaders } from "@/lib/policy/credential";
import { FLOW_ID } from "@/lib/http/flowStart";

export type SearchParams = Record<string, string | string[] | undefined>;

export function param(sp: SearchParams, name: string): string | undefined {
  const v = sp[name];
  return typeof v === "string" ? v : undefined;
}

export type LoadedFlow<K extends FlowKind> =
  { flow: FlowByKind[K]; error?: undefined } | { flow?: undefined; error: LoadError };

/** The cookies a flow page sends to Kratos: the one session cookie, and the others (CSRF) as they came. */
async function flowCookieHeader(): Promise<string | null> {
  const { credential, otherCookies } = await pageCredential();
  return credentialHeaders(credential, otherCookies).cookie ?? null;
}

/** The page's query as URLSearchParams: what `param` reads (a repeated parameter is left out). */
export function searchParamsOf(sp: SearchParams): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (typeof v === "string") q.set(k, v);
  return q;
}

export function unavailablePath(retryPath: string): string {
  return `/unavailable?retry=${encodeURIComponent(retryPath)}`;
}

/**
 * `initParams` are passed to Kratos when a new flow starts (return_to already validated);
 * `returnTo` is the page's own validated return_to, carried when a flow has to restart;
 * `kit` is the UI kit of the page asking (an Elements page starts its flows its own way).
 */
export async function loadFlow<K extends FlowKind>(
  kind: K,
  sp: SearchParams,
  initParams: Record<string, string | undefined>,
  returnTo: string | undefined,
  kit: UiKit = "ui",
): Promise<LoadedFlow<K>> {
  const id = param(sp, "flow");
  const notice = param(sp, "notice");
  const start = kit === "elements" ? elementsStartPath : browserFlowInitPath;
  if (!id || !FLOW_ID.test(id)) redirect(start(kind, { ...initParams, notice }));
  try {
    return { flow: await getFlow(kind, id, await flowCookieHeader()) };
  } catch (err) {
    if (err instanceof KratosUnavailableError) {
      const page = `${kit === "elements" ? ELEMENTS_PREFIX : ""}/${kind}`;
      redirect(unavailablePath(`${page}?${new URLSearchParams(sp as Record<string, string>).toString()}`));
    }
    if (err instanceof KratosResponseError) {
      const action = mapKratosError(err.status, err.body, {
        flow: kind,
        returnTo,
        isSafeRedirect,
      });
      if (action.type === "redirect") redirect(action.to);
      return { error: action };
    }
    throw err;
  }
}
