// From a security event to queued mails: the identity read and updated with Kratos's admin API,
// each event's mail composed in the owner's language and queued (server/runtime.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import { getConfig } from "@/lib/config";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { kratosUrl } from "@/lib/kratos/urls";
import { kratosRequest } from "@/lib/kratos/transport";
import { summarizeCredentials } from "@/features/notifications/policy/credentialChanges";
import { decideHook } from "@/features/notifications/policy/decide";
import { summarizeUserAgent } from "@/features/notifications/policy/device";
import { idempotencyKey, type HookCall, type SecurityEvent } from "@/features/notifications/policy/events";
import { composeMail, type MailWords } from "@/features/notifications/policy/mail";
import { readState, statePatch, type NotificationState } from "@/features/notifications/policy/state";
import { firstTime, queueMail } from "@/features/notifications/server/runtime";

interface AdminIdentity {
  id: string;
  traits?: { email?: unknown };
  credentials?: Record<string, { identifiers?: string[] | null; config?: unknown }>;
  metadata_admin?: unknown;
}

async function admin(path: string, search: string, method: string, body?: unknown): Promise<Response> {
  const cfg = getConfig();
  return kratosRequest(kratosUrl(cfg.kratosAdminUrl, path, search), {
    method,
    headers: new Headers({ accept: "application/json", "content-type": "application/json" }),
    body: body === undefined ? undefined : JSON.stringify(body),
    timeoutMs: cfg.kratosTimeoutMs * 3,
  });
}

/** The identity with its credentials' types, identifiers and security keys; null when gone. */
async function readIdentity(id: string): Promise<AdminIdentity | null> {
  const res = await admin(
    `admin/identities/${encodeURIComponent(id)}`,
    "?include_credential=webauthn&include_credential=passkey",
    "GET",
  );
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`Kratos's admin API answered ${res.status} reading the identity`);
  return (await res.json()) as AdminIdentity;
}

async function writeState(identity: AdminIdentity, state: NotificationState): Promise<void> {
  const res = await admin(
    `admin/identities/${encodeURIComponent(identity.id)}`,
    "",
    "PATCH",
    statePatch(identity.metadata_admin, state),
  );
  if (!res.ok) throw new Error(`Kratos's admin API answered ${res.status} storing the notification state`);
}

export interface Origin {
  userAgent: string;
  ip: string;
  place: string;
  at: Date;
}

/** Queues the mails for `events` to the identity's address, each once per key. */
async function queueEvents(
  identity: AdminIdentity,
  events: readonly { event: SecurityEvent; key: string }[],
  locale: "en" | "de",
  origin: Origin,
): Promise<number> {
  const to = typeof identity.traits?.email === "string" ? identity.traits.email : "";
  if (!to) return 0;
  const words = CATALOGS[locale].notifications as unknown as MailWords;
  const recoveryUrl = new URL("/recovery", getConfig().appUrl).toString();
  let queued = 0;
  for (const { event, key } of events) {
    if (!(await firstTime(key))) continue;
    const mail = composeMail(
      {
        event,
        locale,
        device: origin.userAgent ? summarizeUserAgent(origin.userAgent) : null,
        at: origin.at,
        ip: origin.ip,
        place: origin.place,
        recoveryUrl,
      },
      words,
    );
    await queueMail({ id: randomUUID(), to, ...mail, event: event.type, attempts: 0 });
    queued += 1;
  }
  return queued;
}

/** Handles one of Kratos's hook calls; returns how many mails were queued. */
export async function handleHookCall(call: HookCall, actorLocale: "en" | "de", at: Date): Promise<number> {
  const identity = await readIdentity(call.identityId);
  if (!identity) return 0;
  const state = readState(identity.metadata_admin);
  const decision = decideHook(call, state, summarizeCredentials(identity.credentials), actorLocale);
  await writeState(identity, decision.state);
  return queueEvents(
    identity,
    decision.events.map((event) => ({ event, key: idempotencyKey(call.flowId, event) })),
    decision.locale,
    { userAgent: call.userAgent, ip: call.clientIp, place: "", at },
  );
}

/**
 * An event the app itself caused (sessions ended: Kratos has no hook for it), after Kratos
 * confirmed it. `key` identifies the action (its sessions' ids). Never throws.
 */
export async function notifyAppEvent(
  identityId: string,
  event: SecurityEvent,
  key: string,
  origin: Origin,
  actorLocale: "en" | "de",
): Promise<void> {
  if (!getConfig().features.includes("notifications")) return;
  try {
    const identity = await readIdentity(identityId);
    if (!identity) return;
    const locale = readState(identity.metadata_admin).locale ?? actorLocale;
    await queueEvents(identity, [{ event, key }], locale, origin);
  } catch (err) {
    console.error(
      `[notifications] could not queue ${event.type}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
