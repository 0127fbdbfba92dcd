// The mail for a security event, in the reader's language. Pure: the words come in as the
// feature's catalog namespace (messages/<locale>.json, "notifications"), `{product}` filled.
import type { SecurityEvent } from "@/features/notifications/policy/events";
import type { DeviceSummary } from "@/features/notifications/policy/device";

export type MailWords = {
  subject: Record<string, string>;
  what: Record<string, string>;
} & Record<
  | "greeting"
  | "device"
  | "unknownDevice"
  | "deviceOn"
  | "time"
  | "address"
  | "place"
  | "notMe"
  | "ifMe"
  | "signature"
  | "ipNote",
  string
>;

export interface MailContext {
  event: SecurityEvent;
  locale: "en" | "de";
  device: DeviceSummary | null;
  at: Date;
  ip: string;
  /** From a trusted proxy's header (NOTIFY_PLACE_HEADER); there is no GeoIP database. */
  place: string;
  /** Starts account recovery: the "this wasn't me" link. */
  recoveryUrl: string;
}

export interface Mail {
  subject: string;
  text: string;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

/** The time in UTC, spelled for the reader: "2 December 2026, 13:55 UTC". */
export function formatTime(at: Date, locale: "en" | "de"): string {
  const s = new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(at);
  return `${s} UTC`;
}

/** Subject and plain-text body. Unknown words fall back to the event type, never a crash. */
export function composeMail(ctx: MailContext, words: MailWords): Mail {
  const { event } = ctx;
  const values: Record<string, string> = {
    provider: "provider" in event ? event.provider : "",
    count: "count" in event ? String(event.count) : "",
  };
  const subject = fill(words.subject[event.type] ?? event.type, values);
  const what = fill(words.what[event.type] ?? event.type, values);
  const device =
    ctx.device && (ctx.device.browser !== "unknown" || ctx.device.os !== "unknown")
      ? fill(words.deviceOn, { browser: ctx.device.browser, os: ctx.device.os })
      : words.unknownDevice;
  const lines = [
    words.greeting,
    "",
    what,
    "",
    `${words.device}: ${device}`,
    `${words.time}: ${formatTime(ctx.at, ctx.locale)}`,
    ...(ctx.ip ? [`${words.address}: ${ctx.ip}`] : []),
    ...(ctx.place ? [`${words.place}: ${ctx.place}`] : []),
    words.ipNote,
    "",
    words.ifMe,
    "",
    words.notMe,
    ctx.recoveryUrl,
    "",
    words.signature,
  ];
  return { subject, text: lines.join("\n") };
}
