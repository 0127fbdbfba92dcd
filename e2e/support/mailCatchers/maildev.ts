// maildev 2+ (REST API under /api): GET /api/email takes field filters such as
// `to.address=…` and `sort=desc`, so one address's mail comes back, newest first.
import { getJson, matches, type MailCatcher, type MailMessage } from "./mailCatcher";

interface MaildevEmail {
  id: string;
  subject: string;
  from: { address: string; name?: string }[];
  text?: string;
  html?: string;
  time: string;
}

export function maildev(apiUrl: string): MailCatcher {
  const emailsTo = (address: string) =>
    getJson<MaildevEmail[]>(
      `${apiUrl}/api/email?${new URLSearchParams({ "to.address": address.toLowerCase(), sort: "desc" })}`,
    );
  const toMessage = (m: MaildevEmail): MailMessage => ({
    id: m.id,
    subject: m.subject,
    receivedAt: new Date(m.time),
    from: { name: m.from[0]?.name ?? "", address: m.from[0]?.address ?? "" },
    body: m.text ?? m.html ?? "",
  });
  return {
    name: "maildev",
    async latest(address, filter) {
      return (await emailsTo(address)).map(toMessage).find((m) => matches(m, filter));
    },
    async count(address, filter) {
      return (await emailsTo(address)).map(toMessage).filter((m) => matches(m, filter)).length;
    },
    async clear(address) {
      for (const m of await emailsTo(address)) {
        const res = await fetch(`${apiUrl}/api/email/${encodeURIComponent(m.id)}`, { method: "DELETE" });
        if (!res.ok) throw new Error(`maildev refused to delete ${m.id}: ${res.status}`);
      }
    },
  };
}
