// One place that knows what Kratos's errors mean for the browser. Pure: loadFlow carries
// out the answer.
import { asErrorBody } from "@/lib/kratos/errors";
import { type NoticeId } from "@/lib/http/notices";
import type { FlowKind } from "@/lib/kratos/flows";
import { flowStartPath, loginPath } from "@/lib/http/paths";

/**
 * A flow that cannot be shown: Kratos failed (`unavailable`) or refused the request (`failed`,
 * with Kratos's reason when it gave one). The page words it from the catalog (`loadError`).
 */
export interface LoadError {
  type: "error";
  status: number;
  kind: "unavailable" | "failed";
  reason?: string;
}

export type ErrorAction = { type: "redirect"; to: string } | LoadError;

export interface ErrorContext {
  /** The flow the page was showing, when there is one. */
  flow?: FlowKind;
  /** An already validated return_to to carry along. */
  returnTo?: string;
  /** True when `url` may be sent to the browser (same origin or allow-listed). */
  isSafeRedirect: (url: string) => boolean;
}

/** What to do with a Kratos error answer on a browser request. */
export function mapKratosError(status: number, body: unknown, ctx: ErrorContext): ErrorAction {
  const b = asErrorBody(body);
  const id = b.error?.id;
  const safeBrowserTo =
    b.redirect_browser_to && ctx.isSafeRedirect(b.redirect_browser_to) ? b.redirect_browser_to : undefined;
  const restart = (notice?: NoticeId): ErrorAction => ({
    type: "redirect",
    to: flowStartPath(ctx.flow ?? "login", { returnTo: ctx.returnTo, notice }),
  });

  switch (id) {
    case "session_aal2_required":
      return { type: "redirect", to: loginPath({ aal: "aal2", returnTo: ctx.returnTo }) };
    case "session_refresh_required":
      return { type: "redirect", to: loginPath({ refresh: true, returnTo: ctx.returnTo }) };
    case "browser_location_change_required":
      if (safeBrowserTo) return { type: "redirect", to: safeBrowserTo };
      break;
    case "self_service_flow_expired":
      if (b.use_flow_id && ctx.flow)
        return {
          type: "redirect",
          to: `/${ctx.flow}?flow=${encodeURIComponent(b.use_flow_id)}&notice=flow_expired`,
        };
      return restart("flow_expired");
    case "security_csrf_violation":
      return restart("csrf");
    case "session_already_available":
      return { type: "redirect", to: ctx.returnTo ?? "/" };
    case "self_service_flow_return_to_forbidden":
      return { type: "redirect", to: "/?notice=return_to_forbidden" };
    case "session_inactive":
    case "no_active_session":
      return { type: "redirect", to: loginPath({ returnTo: ctx.returnTo }) };
    case "security_identity_mismatch":
      return restart("flow_expired");
  }

  // 401 without an id: no session at all.
  if (status === 401) return { type: "redirect", to: loginPath({ returnTo: ctx.returnTo }) };
  // Unknown, malformed or foreign flow ids: start over rather than show an error.
  if (ctx.flow && (status === 404 || status === 410 || status === 400 || status === 403))
    return restart("flow_expired");
  if (status >= 500) {
    return {
      type: "error",
      status: 503,
      kind: "unavailable",
    };
  }
  return {
    type: "error",
    status: status >= 400 && status < 500 ? status : 500,
    kind: "failed",
    reason: b.error?.reason || b.error?.message || undefined,
  };
}
