// Codes from the real mail catcher: maildev or Mailpit (MAIL_CATCHER), at MAIL_API_URL.
import { expect, type APIRequestContext } from "@playwright/test";
import { testEnv } from "./env";
import { maildev } from "./mailCatchers/maildev";
import type { MailCatcher, MailMessage, MessageFilter } from "./mailCatchers/mailCatcher";
import { mailpit } from "./mailCatchers/mailpit";

export const mailCatcher: MailCatcher =
  testEnv.mailCatcher === "mailpit" ? mailpit(testEnv.mailApiUrl) : maildev(testEnv.mailApiUrl);

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
        const last = await mailCatcher.latest(address, { subject, since });
        code = last ? /\b(\d{6})\b/.exec(last.body)?.[1] : undefined;
        return code;
      },
      { timeout, message: `a code emailed to ${address} (${mailCatcher.name})` },
    )
    .toBeTruthy();
  return code!;
}

/**
 * Runs `send` (a request that makes Kratos mail a code to `address`) and returns the code of the
 * email it caused: the newest matching email that is not the one that was newest before. Receipt
 * times cannot tell it from an email that came a moment earlier (the catchers' clock allowance),
 * so this goes by the message, for journeys that mail the same kind of code twice in a row.
 */
export async function codeMailedBy(
  address: string,
  subject: RegExp,
  send: () => Promise<unknown>,
  timeout = 30_000,
): Promise<string> {
  const before = (await mailCatcher.latest(address, { subject }))?.id;
  await send();
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const last = await mailCatcher.latest(address, { subject });
        code = last && last.id !== before ? /\b(\d{6})\b/.exec(last.body)?.[1] : undefined;
        return code;
      },
      { timeout, message: `a new code emailed to ${address} (${mailCatcher.name})` },
    )
    .toBeTruthy();
  return code!;
}

/** Waits for the newest email to `address` with a matching subject received after `since`. */
export async function waitForEmail(address: string, subject: RegExp, since: Date): Promise<MailMessage> {
  let message: MailMessage | undefined;
  await expect
    .poll(async () => (message = await mailCatcher.latest(address, { subject, since })), {
      timeout: 30_000,
      message: `an email to ${address} (${mailCatcher.name})`,
    })
    .toBeTruthy();
  return message!;
}

/** How many emails `address` has received so far (only those matching `filter`, if given). */
export async function countEmails(address: string, filter?: MessageFilter): Promise<number> {
  return mailCatcher.count(address, filter);
}

/** The code in the newest email to `address` with a matching subject received after `since`, if any (no wait). */
export async function latestCode(address: string, subject: RegExp, since: Date): Promise<string | undefined> {
  const last = await mailCatcher.latest(address, { subject, since });
  return last ? /\b(\d{6})\b/.exec(last.body)?.[1] : undefined;
}

/**
 * Waits until a control email (a verification code, asked for through the app's BFF) reached
 * `address`. Kratos's courier sends its queue oldest first (v1.3.1
 * persistence/sql/persister_courier.go, NextMessages), so every email queued before it has
 * arrived too: a count taken after this counts everything Kratos was asked to send so far.
 * The control is matched as the first verification email after the call starts, so call it
 * once an earlier verification email to `address` (the registration's) can no longer be on
 * its way, e.g. after any later email to it has been read.
 */
export async function flushCourier(request: APIRequestContext, address: string): Promise<void> {
  const since = new Date();
  const flow = await (await request.get("/api/kratos/self-service/verification/api")).json();
  const res = await request.post(`/api/kratos/self-service/verification?flow=${flow.id}`, {
    data: { method: "code", email: address },
  });
  expect(res.status()).toBe(200);
  await waitForCode(address, SUBJECTS.verification, since);
}
