// What the suite needs from a mail catcher. Each adapter asks its catcher only for the mail
// to one address (a filter at the catcher), never for the whole mailbox.

export interface MailMessage {
  id: string;
  subject: string;
  receivedAt: Date;
  /** The From header: the sender's display name (empty when none) and address. */
  from: { name: string; address: string };
  /** The plain-text body (or the HTML when there is no text part). */
  body: string;
}

export interface MessageFilter {
  subject?: RegExp;
  /** Only messages received at or after this time. */
  since?: Date;
}

export interface MailCatcher {
  readonly name: string;
  /** The newest message to `address` that matches, if any. */
  latest(address: string, filter?: MessageFilter): Promise<MailMessage | undefined>;
  /** How many messages `address` has received (that match, when a filter is given). */
  count(address: string, filter?: MessageFilter): Promise<number>;
  /** Deletes every message to `address`. */
  clear(address: string): Promise<void>;
}

/** Catchers and test runners may disagree on the time by a little. */
const CLOCK_SKEW_MS = 1000;

export function matches(m: { subject: string; receivedAt: Date }, filter: MessageFilter = {}): boolean {
  if (filter.subject && !filter.subject.test(m.subject)) return false;
  if (filter.since && m.receivedAt.getTime() < filter.since.getTime() - CLOCK_SKEW_MS) return false;
  return true;
}

export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${url} answered ${res.status}`);
  return (await res.json()) as T;
}
