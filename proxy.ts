// Next.js 16 proxy (formerly "middleware"): security headers with a per-request CSP nonce on
// every page and app API response, and the app map's protection (lib/policy/appMap.ts). The work
// is lib/http/protection.ts; this file wires its dependencies.
import type { NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { APP_MAP } from "@/features/index";
import { createProxy } from "@/lib/http/protection";
import { formActionOrigins } from "@/lib/http/securityHeaders";
import { CACHE_COOKIE, cacheCookieOptions } from "@/lib/session/cache";
import { cookieSessionFacts, tokenSessionFacts } from "@/lib/session/facts";
import { createFirstFlowStarter } from "@/lib/bff/firstFlow";
import { bffHandler } from "@/lib/bff/wired";

let run: ((req: NextRequest) => Promise<Response>) | undefined;

function wired(): (req: NextRequest) => Promise<Response> {
  const cfg = getConfig();
  return createProxy({
    appMap: APP_MAP,
    appUrl: cfg.appUrl,
    returnToOrigins: cfg.returnToOrigins,
    uiKit: cfg.uiKit,
    factorPolicy: cfg.factorPolicy,
    secureCookies: cfg.secureCookies,
    formOrigins: formActionOrigins(cfg),
    dev: process.env.NODE_ENV !== "production",
    cacheCookie: {
      name: CACHE_COOKIE,
      set: (res, sealed) =>
        res.cookies.set(
          CACHE_COOKIE,
          sealed,
          cacheCookieOptions(cfg.secureCookies, cfg.sessionCacheTtlSeconds),
        ),
    },
    tokenFacts: tokenSessionFacts,
    cookieFacts: cookieSessionFacts,
    nonce: () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64"),
    firstFlow: createFirstFlowStarter({
      appUrl: cfg.appUrl,
      returnToOrigins: cfg.returnToOrigins,
      bff: bffHandler(),
    }),
  });
}

export async function proxy(req: NextRequest) {
  run ??= wired();
  return run(req);
}

// Not on the BFF (/api/kratos/…), /api/health and /api/ready: no protected route lives there,
// and running the proxy costs more than the BFF's own work (npm run bench). Those routes set
// their security headers themselves (withStaticSecurityHeaders).
export const config = {
  matcher: [{ source: "/((?!api/(?:kratos|health|ready)(?:/|$)|_next/static|_next/image|favicon.ico).*)" }],
};
