// A first visit to /login, /registration or /recovery gets its form in the first response:
// proxy.ts starts the flow here, through the BFF's own handler (the same route table, one
// credential, header allow-list and Kratos client as the browser's trip through
// /api/kratos/self-service/<flow>/browser), and then renders the page Kratos's answer points at
// in the same response, with Kratos's cookies on it.
import { NextRequest, NextResponse } from "next/server";
import type { BffHandler } from "@/lib/bff/handler";
import { browserFlowInitPath, REQUEST_PATH_HEADER } from "@/lib/http/paths";
import { cookieHeaderAfter, flowInitParams, startedFlowId } from "@/lib/http/flowStart";
import type { FlowKind } from "@/lib/kratos/flows";
import { allowedOrigins, safeReturnTo } from "@/lib/policy/returnTo";

export type FirstFlowStarter = (
  req: NextRequest,
  kind: FlowKind,
  requestHeaders: Headers,
) => Promise<Response>;

/**
 * The answer to a GET of `kind`'s page without a flow id: the page rendered with a new flow
 * (a rewrite to Kratos's `?flow=` address, with Kratos's Set-Cookie), or, when Kratos answers
 * anything else (signed in already, refused, unavailable), that answer as the BFF gives it.
 * Only for a document request (lib/http/flowStart.ts isDocumentRequest): the client router's
 * fetches reach the page, whose own redirect starts a flow as before.
 */
export function createFirstFlowStarter(deps: {
  appUrl: URL;
  returnToOrigins: readonly string[];
  bff: BffHandler;
}): FirstFlowStarter {
  const origins = allowedOrigins(deps.appUrl, deps.returnToOrigins);
  return async (req, kind, requestHeaders) => {
    const query = req.nextUrl.searchParams;
    const params = flowInitParams(
      kind,
      query,
      safeReturnTo(query.get("return_to") ?? undefined, origins),
      deps.appUrl,
    );
    const notice = query.get("notice") ?? undefined;
    const init = new URL(browserFlowInitPath(kind, { ...params, notice }), req.nextUrl.origin);
    const started = await deps.bff(new NextRequest(init, { headers: req.headers }), [
      "self-service",
      kind,
      "browser",
    ]);
    const location = started.headers.get("location");
    const id = location ? startedFlowId(new URL(location, deps.appUrl), kind, deps.appUrl.origin) : undefined;
    if (!id || !location) return started;

    const target = new URL(location, deps.appUrl);
    const setCookies = started.headers.getSetCookie();
    requestHeaders.set("cookie", cookieHeaderAfter(req.headers.get("cookie"), setCookies));
    requestHeaders.set(REQUEST_PATH_HEADER, `${target.pathname}${target.search}`);
    const res = NextResponse.rewrite(new URL(`${target.pathname}${target.search}`, req.nextUrl.origin), {
      request: { headers: requestHeaders },
    });
    for (const c of setCookies) res.headers.append("set-cookie", c);
    return res;
  };
}
