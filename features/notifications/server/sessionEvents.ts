// The app's own security events: other sessions ended through /settings/sessions/… (Kratos has no
// hook for that). Called after Kratos confirmed; runs in the background and never throws, so the
// action's answer does not wait for it.
import "server-only";
import { getConfig } from "@/lib/config";
import { localeOfHeaders } from "@/lib/i18n/locales";
import { whoami } from "@/lib/kratos/client";
import { clientIpOf } from "@/lib/policy/rateLimitRules";
import type { Credential } from "@/lib/policy/credential";
import type { SecurityEvent } from "@/features/notifications/policy/events";
import { notifyAppEvent } from "@/features/notifications/server/handleEvent";

/** Mails the owner that `sessionIds` were ended from this request's session (nothing when none). */
export function notifySessionsEnded(
  headers: Headers,
  credential: Credential,
  event: Extract<SecurityEvent, { type: "other_sessions_ended" | "session_ended" }>,
  sessionIds: readonly string[],
): void {
  const cfg = getConfig();
  if (!cfg.features.includes("notifications") || sessionIds.length === 0) return;
  const origin = {
    userAgent: headers.get("user-agent") ?? "",
    ip: clientIpOf(headers, cfg.trustProxy) ?? "",
    place: cfg.notifyPlaceHeader ? (headers.get(cfg.notifyPlaceHeader) ?? "").slice(0, 100) : "",
    at: new Date(),
  };
  // The same sessions ended twice (a resubmitted form) are one event.
  const key = `${event.type}:${[...sessionIds].sort().join(",")}`;
  void whoami(credential)
    .then((session) =>
      session?.identity
        ? notifyAppEvent(session.identity.id, event, key, origin, localeOfHeaders(headers))
        : undefined,
    )
    .catch(() => console.error(`[notifications] could not tell the owner about ${event.type}`));
}
