// POST /api/hooks/security-event: Kratos's after-hooks (login, registration, recovery, settings per
// method; features/notifications/stack.mjs) report here, server to server. Refuses a call without
// the webhook secret (401, nothing more said), checks the body, handles it and answers 202. Kratos
// does not wait for the answer (`response.ignore`), so nothing here can delay or fail the action.
import type { NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { jsonError } from "@/lib/http/jsonError";
import { negotiateLocale } from "@/lib/i18n/locales";
import { readHookCall, readTrigger } from "@/features/notifications/policy/events";
import { handleHookCall } from "@/features/notifications/server/handleEvent";
import { isAuthorizedHook } from "@/features/notifications/server/webhookAuth";

// The jsonnet body is a few hundred bytes; anything much larger is not Kratos's.
const MAX_BODY_BYTES = 16 * 1024;

export async function POST(req: NextRequest) {
  const cfg = getConfig();
  if (!isAuthorizedHook(req.headers.get("authorization"), cfg.notifyWebhookSecret))
    return jsonError(401, "unauthorized", "Unauthorized.");
  const trigger = readTrigger(req.nextUrl.searchParams.get("flow"), req.nextUrl.searchParams.get("method"));
  if (!trigger) return jsonError(400, "bad_request", "Unknown hook.");
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) return jsonError(413, "too_large", "The body is too large.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(400, "bad_request", "The body is not JSON.");
  }
  const call = readHookCall(trigger, body);
  if (!call) return jsonError(400, "bad_request", "The body is not a security event.");
  try {
    const queued = await handleHookCall(
      call,
      negotiateLocale(call.localeCookie, call.acceptLanguage),
      new Date(),
    );
    return Response.json({ queued }, { status: 202 });
  } catch (err) {
    // Kratos has finished the action; a retry of this call may find Kratos's admin API back.
    console.error(
      `[notifications] could not handle a ${trigger.flow} hook: ${err instanceof Error ? err.message : String(err)}`,
    );
    return jsonError(503, "unavailable", "Try again later.");
  }
}
