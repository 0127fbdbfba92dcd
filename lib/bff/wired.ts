// The BFF handler with its real dependencies, made once on first use (the configuration is read
// at start). Its two callers: the BFF route (app/api/kratos/[...path]/route.ts) and proxy.ts,
// which starts a first visit's flow through it (lib/bff/firstFlow.ts).
import "server-only";
import { getConfig } from "@/lib/config";
import { consume } from "@/lib/bff/rateLimiter";
import { createBffHandler, type BffHandler } from "@/lib/bff/handler";
import { forwardToPublic } from "@/lib/kratos/client";
import { lookupSession, settingsVerdict } from "@/lib/session/lookup";
import { markRevoked } from "@/lib/session/revocations";

let handler: BffHandler | undefined;

export function bffHandler(): BffHandler {
  const cfg = getConfig();
  return (handler ??= createBffHandler({
    appUrl: cfg.appUrl,
    trustProxy: cfg.trustProxy,
    factorPolicy: cfg.factorPolicy,
    secureCookies: cfg.secureCookies,
    forwardToPublic,
    lookupSession,
    settingsVerdict,
    consume,
    markRevoked,
    warn: (line) => console.warn(line),
  }));
}
