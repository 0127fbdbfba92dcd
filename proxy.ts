// Next.js 16 proxy (formerly "middleware"): security headers with a per-request CSP nonce on
// every page and app API response, and the per-route AAL policy for protected routes.
import { NextResponse, type NextRequest } from "next/server";
import { decideAccess, type SessionFacts } from "@/lib/policy/access";
import { getConfig } from "@/lib/config";
import { KratosResponseError, KratosUnavailableError } from "@/lib/kratos/errors";
import { loginPath, uiKitPagePath } from "@/lib/http/paths";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { jsonError } from "@/lib/http/jsonError";
import { matchRoute, type RouteRule } from "@/lib/policy/protectedRoutes";
import { resolveCredential, transportOf, type Credential } from "@/lib/policy/credential";
import { credentialRefusal } from "@/lib/http/credential";
import { contentSecurityPolicy, formActionOrigins, securityHeaders } from "@/lib/http/securityHeaders";
import { CACHE_COOKIE, cacheCookieOptions } from "@/lib/session/cache";
import { cookieSessionFacts, tokenSessionFacts } from "@/lib/session/facts";
import { unavailableResponse, wantsJson } from "@/lib/http/unavailable";
import { REQUEST_PATH_HEADER } from "@/lib/http/paths";
import { localeOfHeaders } from "@/lib/i18n/locales";

function nonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

async function protect(
  req: NextRequest,
  rule: RouteRule,
  credential: Credential,
  requestHeaders: Headers,
): Promise<Response> {
  const cfg = getConfig();
  const transport = transportOf(credential);
  let facts: SessionFacts | null;
  let sealed: string | undefined;
  try {
    if (credential.type === "token") facts = await tokenSessionFacts(credential);
    else ({ facts, sealed } = await cookieSessionFacts(credential, req.cookies.get(CACHE_COOKIE)?.value));
  } catch (err) {
    // Kratos unreachable, slow, or failing (5xx): the same friendly 503, never a 500.
    if (err instanceof KratosUnavailableError || (err instanceof KratosResponseError && err.status >= 500)) {
      return unavailableResponse(
        `${req.nextUrl.pathname}${req.nextUrl.search}`,
        rule.kind === "api",
        localeOfHeaders(req.headers),
      );
    }
    throw err;
  }

  const decision = decideAccess(rule.require[transport], facts, cfg.factorPolicy);
  const here = validatedReturnTo(`${req.nextUrl.pathname}${req.nextUrl.search}`);
  if (decision.type === "sign_in") {
    if (rule.kind === "api") return jsonError(401, "session_required", "Sign in first.");
    return NextResponse.redirect(new URL(loginPath({ returnTo: here }), cfg.appUrl));
  }
  if (decision.type === "step_up") {
    if (rule.kind === "api") {
      return jsonError(403, "session_aal2_required", "This request needs a second factor (step up to aal2).");
    }
    return NextResponse.redirect(
      new URL(loginPath({ aal: "aal2", refresh: decision.refresh, returnTo: here }), cfg.appUrl),
    );
  }
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  if (sealed)
    res.cookies.set(CACHE_COOKIE, sealed, cacheCookieOptions(cfg.secureCookies, cfg.sessionCacheTtlSeconds));
  return res;
}

export async function proxy(req: NextRequest) {
  const cfg = getConfig();
  const n = nonce();
  const csp = contentSecurityPolicy(n, {
    dev: process.env.NODE_ENV !== "production",
    formOrigins: formActionOrigins(cfg),
    // hydra feature: the consent page shows the client's logo, wherever it is served from (https).
    imageSources: req.nextUrl.pathname === "/oauth2/consent" ? ["https:"] : [],
  });
  const requestHeaders = new Headers(req.headers);
  // Next reads the nonce for its own scripts from the request's CSP header.
  requestHeaders.set("x-nonce", n);
  requestHeaders.set("content-security-policy", csp);
  // The page's own address, for the language switcher's way back (components/LanguageSwitcher.tsx).
  requestHeaders.set(REQUEST_PATH_HEADER, `${req.nextUrl.pathname}${req.nextUrl.search}`);

  // UI_KIT=elements: the app's own flow pages hand over to their Ory Elements twins, so every
  // link and redirect of the app (sign-in, step-up, sign-out, errors) lands on the kit.
  const kitPage = uiKitPagePath(req.nextUrl.pathname, cfg.uiKit);
  const rule = matchRoute(req.nextUrl.pathname);
  // Every page and app route speaks for at most one session (lib/policy/credential.ts): a request
  // carrying several, or one Kratos might read otherwise, is answered here and goes no further.
  const resolved = resolveCredential(req.headers);
  const res = !resolved.ok
    ? credentialRefusal(resolved, req.headers, rule?.kind === "api" || wantsJson(req.headers))
    : kitPage
      ? NextResponse.redirect(new URL(`${kitPage}${req.nextUrl.search}`, cfg.appUrl), 307)
      : rule
        ? await protect(req, rule, resolved.credential, requestHeaders)
        : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(securityHeaders(csp, cfg.secureCookies))) res.headers.set(k, v);
  return res;
}

// Not on the BFF (/api/kratos/…), /api/health and /api/ready: no protected route lives there,
// and running the proxy costs more than the BFF's own work (npm run bench). Those routes set
// their security headers themselves (withStaticSecurityHeaders).
export const config = {
  matcher: [{ source: "/((?!api/(?:kratos|health|ready)(?:/|$)|_next/static|_next/image|favicon.ico).*)" }],
};
