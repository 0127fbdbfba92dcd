import type { ReactElement } from "react";
import { LoadErrorView } from "@/components/ErrorView";
import { startFailure } from "@/features/elements/components/startFailure";
import { getConfig } from "@/lib/config";
import { withRequestNonce } from "@/features/elements/elementsFlow";
import { loadFlow, param, type SearchParams } from "@/lib/http/loadFlow";
import { continuePath, ELEMENTS_PREFIX } from "@/lib/http/paths";
import { validatedReturnTo } from "@/lib/http/returnTo";
import type { FlowByKind, FlowKind } from "@/lib/kratos/flows";

type PlainKind = Exclude<FlowKind, "login">;

/**
 * What every Elements page but login does before the kit draws: a refused start or a failed
 * load becomes the error view, otherwise the flow comes back with the request's script nonce.
 * Registration passes through /continue (the enrollment gate), like the app's own page.
 */
export async function prepareElementsFlow<K extends PlainKind>(
  kind: K,
  sp: SearchParams,
): Promise<{ flow: FlowByKind[K]; view?: undefined } | { view: ReactElement }> {
  const failed = startFailure(sp, kind);
  if (failed) return { view: failed };
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const kratosReturnTo =
    kind === "registration" ? new URL(continuePath(returnTo), getConfig().appUrl).href : returnTo;
  const loaded = await loadFlow(kind, sp, { return_to: kratosReturnTo }, returnTo, "elements");
  if (loaded.error) {
    return { view: <LoadErrorView error={loaded.error} retryHref={`${ELEMENTS_PREFIX}/${kind}`} /> };
  }
  return { flow: await withRequestNonce(loaded.flow) };
}
