// Mailpit (API v1): /api/v1/search?query=to:"…" lists one address's mail, newest first, as
// summaries; the body is a second request for the one message that matched.
import { getJson, matches, type MailCatcher } from "./mailCatcher";

interface MailpitSummary {
  ID: string;
  Subject: string;
  Created: string;
  From: { Name: string; Address: string };
  To: { Address: string }[];
}

interface MailpitSearch {
  messages: MailpitSummary[];
}

interface MailpitMessage {
  Text: string;
  HTML: string;
}

/** Enough for every message one test user receives. */
const PAGE = 50;

export function mailpit(apiUrl: string): MailCatcher {
  const query = (address: string) => `to:"${address.toLowerCase()}"`;
  const search = async (address: string) => {
    const res = await getJson<MailpitSearch>(
      `${apiUrl}/api/v1/search?${new URLSearchParams({ query: query(address), limit: String(PAGE) })}`,
    );
    // The search matches substrings; keep exact recipients only.
    return res.messages.filter((m) => m.To.some((t) => t.Address.toLowerCase() === address.toLowerCase()));
  };
  return {
    name: "mailpit",
    async latest(address, filter) {
      const hit = (await search(address))
        .map((m) => ({
          id: m.ID,
          subject: m.Subject,
          receivedAt: new Date(m.Created),
          from: { name: m.From.Name, address: m.From.Address },
        }))
        .find((m) => matches(m, filter));
      if (!hit) return undefined;
      const full = await getJson<MailpitMessage>(`${apiUrl}/api/v1/message/${encodeURIComponent(hit.id)}`);
      return { ...hit, body: full.Text || full.HTML };
    },
    async count(address, filter) {
      // Counted from the page of exact recipients (PAGE is more than one test user receives).
      return (await search(address))
        .map((m) => ({ subject: m.Subject, receivedAt: new Date(m.Created) }))
        .filter((m) => matches(m, filter)).length;
    },
    async clear(address) {
      const res = await fetch(`${apiUrl}/api/v1/search?${new URLSearchParams({ query: query(address) })}`, {
        method: "DELETE",
      });
      if (!res.ok) throw new Error(`Mailpit refused to delete the mail to ${address}: ${res.status}`);
    },
  };
}
