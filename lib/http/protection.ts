// proxy.ts's work, with its dependencies as arguments (proxy.ts wires the real ones): security
// headers with a per-request CSP nonce, the UI kit's hand-over, the one-credential rule, and the
// app map's protection (lib/policy/appMap.ts) decided by lib/policy/access.ts.
import { NextResponse, type NextRequest } from "next/server";
import { decideAccess, type SessionFacts } from "@/lib/policy/access";
import type { FactorPolicy } from "@/lib/policy/factors";
import { appRouteOf, protectionOf, type AppRoute, type Protection } from "@/lib/policy/appMap";
import { resolveCredential, transportOf, type Credential } from "@/lib/policy/credential";
import { allowedOrigins, safeReturnTo } from "@/lib/policy/returnTo";
import { KratosResponseError, KratosUnavailableError } from "@/lib/kratos/errors";
import {
  loginPath,
  PROTECTED_ROUTE_HEADER,
  REQUEST_PATH_HEADER,
  STARTED_FLOW_HEADER,
  uiKitPagePath,
} from "@/lib/http/paths";
import { jsonError } from "@/lib/http/jsonError";
import { credentialRefusal } from "@/lib/http/credential";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/securityHeaders";
import { unavailableResponse, wantsJson } from "@/lib/http/unavailable";
import { localeOfHeaders } from "@/lib/i18n/locales";
import type { UiKit } from "@/lib/config";
import { firstResponseFlow, isDocumentRequest } from "@/lib/http/flowStart";
import type { FirstFlowStarter } from "@/lib/bff/firstFlow";

export interface ProxyDeps {
  /** Every URL the app serves: the core's rows and the built-in features' (features/index.ts). */
  appMap: readonly AppRoute[];
  appUrl: URL;
  /** Other origins a return_to may name (RETURN_TO_ORIGINS). */
  returnToOrigins: readonly string[];
  uiKit: UiKit;
  factorPolicy: FactorPolicy;
  secureCookies: boolean;
  /** Origins a form may post to besides the app's own (CSP `form-action`). */
  formOrigins: string[];
  /** Development relaxes the CSP for Next's dev tooling. */
  dev: boolean;
  /** The session-cache cookie's name and how it is set. */
  cacheCookie: { name: string; set: (res: NextResponse, sealed: string) => void };
  /** The session's facts: from Kratos for a token; from the cache, else Kratos, for a cookie. */
  tokenFacts: (credential: Extract<Credential, { type: "token" }>) => Promise<SessionFacts | null>;
  cookieFacts: (
    credential: Extract<Credential, { type: "none" | "cookie" }>,
    cached: string | undefined,
  ) => Promise<{ facts: SessionFacts | null; sealed?: string }>;
  nonce: () => string;
  /**
   * A first visit to a flow page (no usable `?flow=`): the flow starts here and the page renders
   * in this response (lib/bff/firstFlow.ts).
   */
  firstFlow: FirstFlowStarter;
}

async function protect(
  deps: ProxyDeps,
  req: NextRequest,
  rule: Protection,
  credential: Credential,
  requestHeaders: Headers,
): Promise<Response> {
  const here = `${req.nextUrl.pathname}${req.nextUrl.search}`;
  let facts: SessionFacts | null;
  let sealed: string | undefined;
  try {
    if (credential.type === "token") facts = await deps.tokenFacts(credential);
    else
      ({ facts, sealed } = await deps.cookieFacts(credential, req.cookies.get(deps.cacheCookie.name)?.value));
  } catch (err) {
    // Kratos unreachable, slow, or failing (5xx): the same friendly 503, never a 500.
    if (err instanceof KratosUnavailableError || (err instanceof KratosResponseError && err.status >= 500)) {
      return unavailableResponse(here, rule.json, localeOfHeaders(req.headers));
    }
    throw err;
  }

  const decision = decideAccess(rule.require[transportOf(credential)], facts, deps.factorPolicy);
  const returnTo = safeReturnTo(here, allowedOrigins(deps.appUrl, deps.returnToOrigins));
  if (decision.type === "sign_in") {
    if (rule.json) return jsonError(401, "session_required", "Sign in first.");
    return NextResponse.redirect(new URL(loginPath({ returnTo }), deps.appUrl));
  }
  if (decision.type === "step_up") {
    if (rule.json) {
      return jsonError(403, "session_aal2_required", "This request needs a second factor (step up to aal2).");
    }
    return NextResponse.redirect(
      new URL(loginPath({ aal: "aal2", refresh: decision.refresh, returnTo }), deps.appUrl),
    );
  }
  requestHeaders.set(PROTECTED_ROUTE_HEADER, "1");
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  if (sealed) deps.cacheCookie.set(res, sealed);
  return res;
}

/** proxy.ts's answer to one request. */
export function createProxy(deps: ProxyDeps): (req: NextRequest) => Promise<Response> {
  return async (req) => {
    const n = deps.nonce();
    const row = appRouteOf(req.nextUrl.pathname, deps.appMap);
    const csp = contentSecurityPolicy(n, {
      dev: deps.dev,
      formOrigins: deps.formOrigins,
      imageSources: row?.imageSources,
    });
    const requestHeaders = new Headers(req.headers);
    // Next reads the nonce for its own scripts from the request's CSP header.
    requestHeaders.set("x-nonce", n);
    requestHeaders.set("content-security-policy", csp);
    // The page's own address: the language switcher's way back (components/LanguageSwitcher.tsx)
    // and the row requireSession() reads (lib/http/currentSession.ts). Always set here, so a
    // client's own value never reaches a page.
    requestHeaders.set(REQUEST_PATH_HEADER, `${req.nextUrl.pathname}${req.nextUrl.search}`);
    requestHeaders.delete(STARTED_FLOW_HEADER);
    requestHeaders.delete(PROTECTED_ROUTE_HEADER);

    // UI_KIT=elements: the app's own flow pages hand over to their Ory Elements twins, so every
    // link and redirect of the app (sign-in, step-up, sign-out, errors) lands on the kit.
    const kitPage = uiKitPagePath(req.nextUrl.pathname, deps.uiKit);
    const rule = protectionOf(req.nextUrl.pathname, deps.appMap);
    // Every page and app route speaks for at most one session (lib/policy/credential.ts): a request
    // carrying several, or one Kratos might read otherwise, is answered here and goes no further.
    const resolved = resolveCredential(req.headers);
    const firstFlow =
      req.method === "GET" && isDocumentRequest(req.headers, req.nextUrl.searchParams)
        ? firstResponseFlow(req.nextUrl.pathname, req.nextUrl.searchParams)
        : undefined;
    const res = !resolved.ok
      ? credentialRefusal(resolved, req.headers, rule?.json || wantsJson(req.headers))
      : kitPage
        ? NextResponse.redirect(new URL(`${kitPage}${req.nextUrl.search}`, deps.appUrl), 307)
        : rule
          ? await protect(deps, req, rule, resolved.credential, requestHeaders)
          : ((firstFlow && (await deps.firstFlow(req, firstFlow, requestHeaders))) ??
            NextResponse.next({ request: { headers: requestHeaders } }));
    for (const [k, v] of Object.entries(securityHeaders(csp, deps.secureCookies))) res.headers.set(k, v);
    return res;
  };
}
