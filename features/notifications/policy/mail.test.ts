import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import de from "../messages/de.json";
import { composeMail, formatTime, type MailContext, type MailWords } from "./mail";
import type { EventType } from "./events";

const words = { en: en.notifications as MailWords, de: de.notifications as MailWords };
const AT = new Date("2026-12-02T13:55:00Z");

const ctx = (over: Partial<MailContext> = {}): MailContext => ({
  event: { type: "password_changed" },
  locale: "en",
  device: { browser: "Firefox", os: "Windows" },
  at: AT,
  ip: "203.0.113.7",
  place: "",
  recoveryUrl: "https://auth.example.test/recovery",
  ...over,
});

const EVENTS: EventType[] = [
  "new_device_sign_in",
  "password_changed",
  "totp_added",
  "totp_removed",
  "webauthn_added",
  "webauthn_removed",
  "passkey_added",
  "passkey_removed",
  "backup_codes_created",
  "backup_codes_regenerated",
  "backup_codes_removed",
  "recovery_used",
  "oidc_linked",
  "oidc_unlinked",
  "other_sessions_ended",
  "session_ended",
];

describe("composeMail", () => {
  it.each(EVENTS.flatMap((type) => (["en", "de"] as const).map((locale) => [type, locale] as const)))(
    "%s in %s has its own subject and sentence",
    (type, locale) => {
      expect(words[locale].subject).toHaveProperty(type);
      expect(words[locale].what).toHaveProperty(type);
      const event =
        type === "oidc_linked" || type === "oidc_unlinked"
          ? { type, provider: "Local SSO" }
          : type === "other_sessions_ended"
            ? { type, count: 2 }
            : { type };
      const mail = composeMail(ctx({ event: event as MailContext["event"], locale }), words[locale]);
      expect(mail.subject).not.toMatch(/\{(provider|count)\}/);
      expect(mail.text).not.toMatch(/\{(provider|count|browser|os)\}/);
    },
  );

  it("says what happened, on which device, when, from where, and links to recovery (English)", () => {
    const mail = composeMail(ctx(), words.en);
    expect(mail.subject).toBe("Your {product} password was changed");
    expect(mail.text).toContain("The password of your account was changed.");
    expect(mail.text).toContain("Device: Firefox on Windows");
    expect(mail.text).toContain("Time: 2 December 2026 at 13:55 UTC");
    expect(mail.text).toContain("IP address: 203.0.113.7");
    expect(mail.text).not.toContain("Place:");
    expect(mail.text).toContain("This wasn’t me");
    expect(mail.text).toContain("https://auth.example.test/recovery");
  });

  it("speaks German, with the provider and the place when known", () => {
    const mail = composeMail(
      ctx({ locale: "de", event: { type: "oidc_linked", provider: "Local SSO" }, place: "DE" }),
      words.de,
    );
    expect(mail.subject).toBe("Local SSO wurde mit Ihrem Konto verknüpft");
    expect(mail.text).toContain("Gerät: Firefox unter Windows");
    expect(mail.text).toContain("Ort: DE");
    expect(mail.text).toContain("Das war ich nicht");
  });

  it("says so when the device is unknown and leaves out an unknown address", () => {
    const mail = composeMail(ctx({ device: { browser: "unknown", os: "unknown" }, ip: "" }), words.en);
    expect(mail.text).toContain("Device: an unknown device");
    expect(mail.text).not.toContain("IP address:");
  });
});

describe("formatTime", () => {
  it("is UTC in the reader's conventions", () => {
    expect(formatTime(AT, "de")).toBe("2. Dezember 2026 um 13:55 UTC");
  });
});
