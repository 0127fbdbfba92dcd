import type { NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { consume } from "@/lib/bff/rateLimiter";
import { createBffHandler, type BffHandler } from "@/lib/bff/handler";
import { forwardToPublic } from "@/lib/kratos/client";
import { lookupSession, settingsVerdict } from "@/lib/session/lookup";
import { markRevoked } from "@/lib/session/revocations";

type Ctx = { params: Promise<{ path: string[] }> };

let handler: BffHandler | undefined;

/** The BFF with its real dependencies, made on the first request (the configuration is read at start). */
function bff(): BffHandler {
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

async function handle(req: NextRequest, ctx: Ctx) {
  return bff()(req, (await ctx.params).path);
}

// The methods the BFF's route table serves on some path (its row in lib/policy/appMap.ts); the
// request guard answers any other method with 405 before Next routes it, and the table answers
// 405 for a served method on a path that does not take it.
export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const DELETE = handle;
