import { LoadErrorView } from "@/components/ErrorView";
import { param, type SearchParams } from "@/lib/http/loadFlow";
import { ELEMENTS_PREFIX, START_FAILED } from "@/lib/http/paths";
import type { FlowKind } from "@/lib/kratos/flows";

/**
 * The error view when the start route (app/elements/start/[kind]) says Kratos refused to start
 * the flow; null otherwise. Starting again at once would only loop.
 */
export function startFailure(sp: SearchParams, kind: FlowKind) {
  const status = Number(param(sp, START_FAILED));
  if (!Number.isInteger(status) || status < 400 || status > 599) return null;
  return (
    <LoadErrorView
      error={{ type: "error", status, kind: "failed" }}
      retryHref={`${ELEMENTS_PREFIX}/${kind}`}
    />
  );
}
