// The security events the owner is told about, and the webhook call that reports one. Pure.
import type { CredentialChange } from "@/features/notifications/policy/credentialChanges";
import { SETTINGS_METHODS, type SettingsMethod } from "@/features/notifications/policy/credentialChanges";

export type SecurityEvent =
  | CredentialChange
  | { type: "new_device_sign_in" }
  | { type: "recovery_used" }
  | { type: "other_sessions_ended"; count: number }
  | { type: "session_ended" };

export type EventType = SecurityEvent["type"];

/** Kratos's flows whose after-hooks call the app (features/notifications/stack.mjs). */
export type Trigger =
  | { flow: "login" }
  | { flow: "registration" }
  | { flow: "recovery" }
  | { flow: "settings"; method: SettingsMethod };

/** What the hook's jsonnet body (hooks/body.jsonnet) sends, checked. */
export interface HookCall {
  trigger: Trigger;
  flowId: string;
  identityId: string;
  userAgent: string;
  clientIp: string;
  /** The language the browser asked for: the app's cookie, else Accept-Language. */
  localeCookie: string;
  acceptLanguage: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (v: unknown, max: number) => (typeof v === "string" ? v.slice(0, max) : "");

/** The trigger named by the hook URL's query (`?flow=settings&method=totp`), or null. */
export function readTrigger(flow: string | null, method: string | null): Trigger | null {
  if (flow === "login" || flow === "registration" || flow === "recovery") return { flow };
  if (flow === "settings" && SETTINGS_METHODS.includes(method as SettingsMethod))
    return { flow, method: method as SettingsMethod };
  return null;
}

/** The call, or null when its body is not what the hook sends (missing ids, wrong types). */
export function readHookCall(trigger: Trigger, body: unknown): HookCall | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  if (typeof b.flow_id !== "string" || !UUID.test(b.flow_id)) return null;
  if (typeof b.identity_id !== "string" || !UUID.test(b.identity_id)) return null;
  return {
    trigger,
    flowId: b.flow_id.toLowerCase(),
    identityId: b.identity_id.toLowerCase(),
    userAgent: str(b.user_agent, 512),
    clientIp: str(b.client_ip, 64),
    localeCookie: str(b.locale, 16),
    acceptLanguage: str(b.accept_language, 256),
  };
}

/**
 * The key that makes a repeat of the same event (Kratos retrying, two instances, a replay) send
 * one mail: the flow and what happened in it. A second change in one settings flow (TOTP added,
 * then removed) is another event.
 */
export function idempotencyKey(flowId: string, event: SecurityEvent): string {
  const detail = "provider" in event ? `:${event.provider}` : "";
  return `${flowId}:${event.type}${detail}`;
}

/** Backoff before retry `attempt` (1-based) of a mail that could not be sent: 5 s doubling, at most 10 min. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 600_000);
}

/** After this many failed attempts (about 40 minutes) a mail is given up on and logged as such. */
export const MAX_SEND_ATTEMPTS = 10;
