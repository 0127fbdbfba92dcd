// Starts a flow for an Ory Elements page. The BFF's browser endpoint answers with a redirect
// to Kratos's ui_url, which is the app's own page unless UI_KIT=elements; asked for JSON,
// Kratos answers with the flow (and its CSRF cookie) instead, so the browser can be sent to
// the Elements page whatever the ui_url says. A settings flow is started only past the settings
// guard (lib/session/lookup.ts), as through the BFF.
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { forwardToPublic } from "@/lib/kratos/client";
import { credentialOf } from "@/lib/http/credential";
import { credentialHeaders } from "@/lib/policy/credential";
import { lookupSession, settingsVerdict } from "@/lib/session/lookup";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { mapKratosError } from "@/lib/http/kratosErrors";
import { unavailablePath } from "@/lib/http/loadFlow";
import { isSafeRedirect, validatedReturnTo } from "@/lib/http/returnTo";
import {
  ELEMENTS_PREFIX,
  elementsFlowPath,
  flowKindOf,
  loginPath,
  START_FAILED,
  withNotice,
} from "@/lib/http/paths";
import { isNoticeId } from "@/lib/http/notices";

/** The init parameters Kratos takes from a browser (return_to is validated by the page that sent it here). */
const INIT_PARAMS = ["aal", "refresh", "return_to"] as const;

function seeOther(to: string): NextResponse {
  return NextResponse.redirect(new URL(to, getConfig().appUrl), 303);
}

export async function GET(req: NextRequest, { params }: { params: Promise<{ kind: string }> }) {
  const kind = flowKindOf((await params).kind);
  if (!kind) return new NextResponse("Not found", { status: 404 });
  const query = new URLSearchParams();
  for (const name of INIT_PARAMS) {
    const value = req.nextUrl.searchParams.get(name);
    if (value !== null) query.set(name, value);
  }
  const notice = req.nextUrl.searchParams.get("notice") ?? undefined;
  const { credential, otherCookies } = credentialOf(req.headers);
  let upstream: Response;
  try {
    if (kind === "settings") {
      const verdict = await settingsVerdict(await lookupSession(credential));
      const settings = new URL(`${ELEMENTS_PREFIX}/settings`, getConfig().appUrl).href;
      if (verdict.type === "rejected")
        return seeOther(loginPath({ returnTo: settings, notice: "signed_out" }));
      if (verdict.type === "step_up")
        return seeOther(loginPath({ aal: "aal2", refresh: verdict.refresh, returnTo: settings }));
    }
    upstream = await forwardToPublic(`self-service/${kind}/browser`, `?${query}`, {
      headers: { ...credentialHeaders(credential, otherCookies), accept: "application/json" },
    });
  } catch (err) {
    if (err instanceof KratosUnavailableError) return seeOther(unavailablePath(`${ELEMENTS_PREFIX}/${kind}`));
    throw err;
  }
  const body: unknown = await upstream.json().catch(() => null);
  const id = (body as { id?: unknown } | null)?.id;
  if (upstream.ok && typeof id === "string") {
    const page = elementsFlowPath(kind, id);
    const res = seeOther(notice && isNoticeId(notice) ? withNotice(page, notice) : page);
    for (const cookie of upstream.headers.getSetCookie()) res.headers.append("set-cookie", cookie);
    return res;
  }
  const action = mapKratosError(upstream.status, body, {
    flow: kind,
    returnTo: validatedReturnTo(query.get("return_to") ?? undefined),
    isSafeRedirect,
  });
  if (action.type === "redirect") return seeOther(action.to);
  if (action.kind === "unavailable") return seeOther(unavailablePath(`${ELEMENTS_PREFIX}/${kind}`));
  // The page shows the failure (with a link to try again) instead of starting another flow.
  return seeOther(`${ELEMENTS_PREFIX}/${kind}?${START_FAILED}=${action.status}`);
}
