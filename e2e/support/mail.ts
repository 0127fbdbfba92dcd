// Reads codes from the real mail catcher (maildev's REST API).
import { expect } from "@playwright/test";

const MAIL_API_URL = process.env.MAIL_API_URL ?? "http://127.0.0.1:1080";

interface MaildevEmail {
  id: string;
  subject: string;
  text?: string;
  html?: string;
  time: string;
  to: { address: string }[];
}

async function emailsTo(address: string): Promise<MaildevEmail[]> {
  const res = await fetch(`${MAIL_API_URL}/api/email`);
  if (!res.ok) throw new Error(`maildev answered ${res.status}`);
  const all = (await res.json()) as MaildevEmail[];
  return all.filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}

/** Kratos's email subjects (v1.3.1 built-in templates). */
export const SUBJECTS = {
  login: /Login to your account/,
  recovery: /Recover access to your account/,
  verification: /Please verify your email address/,
} as const;

/**
 * Waits for the newest email to `address` with a matching subject received after `since`
 * and returns its 6-digit code.
 */
export async function waitForCode(
  address: string,
  subject: RegExp,
  since: Date,
  timeout = 30_000,
): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const fresh = (await emailsTo(address))
          .filter((m) => subject.test(m.subject) && new Date(m.time).getTime() >= since.getTime() - 1000)
          .sort((a, b) => new Date(a.time).getTime() - new Date(b.time).getTime());
        const last = fresh[fresh.length - 1];
        code = last ? /\b(\d{6})\b/.exec(last.text ?? last.html ?? "")?.[1] : undefined;
        return code;
      },
      { timeout, message: `a code emailed to ${address}` },
    )
    .toBeTruthy();
  return code!;
}

/** How many emails `address` has received so far. */
export async function countEmails(address: string): Promise<number> {
  return (await emailsTo(address)).length;
}
