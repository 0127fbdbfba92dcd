import type { UiNode } from "@ory/client-fetch";
import { describe, expect, it } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import {
  credentialFacts,
  sectionStatusLines,
  settingsStatus,
  statusLineKey,
  type CredentialFacts,
  type SettingsStatus,
} from "@/lib/kratos/settingsStatus";
import en from "@/messages/en.json";
import deCatalog from "@/messages/de.json";

// The settings page's line for a group, worded by the English catalog.
// Keys built at run time, so the translator is typed loosely.
const t = createTranslator({ locale: "en", messages: en as AbstractIntlMessages }) as unknown as {
  (key: string, values: Record<string, number>): string;
  has(key: string): boolean;
};
function statusLine(group: string, status: SettingsStatus): string | undefined {
  const line = statusLineKey(group, status);
  return line && t.has(line.key) ? t(line.key, { count: line.count }) : undefined;
}

// Settings-flow nodes shaped like Kratos v1.3.1 JSON.

function submit(group: string, name: string, value = "true", label?: { id: number; text: string }): UiNode {
  return {
    type: "input",
    group,
    attributes: { name, type: "submit", value, disabled: false, node_type: "input" },
    messages: [],
    meta: label ? { label: { ...label, type: "info" } } : {},
  } as unknown as UiNode;
}

function field(group: string, name: string, type: string): UiNode {
  return {
    type: "input",
    group,
    attributes: { name, type, disabled: false, node_type: "input" },
    messages: [],
    meta: {},
  } as unknown as UiNode;
}

function textNode(group: string, id: string): UiNode {
  return {
    type: "text",
    group,
    attributes: { id, text: { id: 1050006, text: "JBSWY3DPEHPK3PXP", type: "info" }, node_type: "text" },
    messages: [],
    meta: {},
  } as unknown as UiNode;
}

function img(group: string, id: string): UiNode {
  return {
    type: "img",
    group,
    attributes: { id, src: "data:image/png;base64,AAAA", width: 256, height: 256, node_type: "img" },
    messages: [],
    meta: { label: { id: 1050005, text: "Authenticator app QR code", type: "info" } },
  } as unknown as UiNode;
}

const csrf = field("default", "csrf_token", "hidden");

// TOTP states (Kratos: setup nodes without TOTP, `totp_unlink` with it).
const totpSetup = [
  img("totp", "totp_qr"),
  textNode("totp", "totp_secret_key"),
  field("totp", "totp_code", "text"),
];
const totpLinked = [
  submit("totp", "totp_unlink", "true", { id: 1050004, text: "Unlink TOTP Authenticator App" }),
];

// Backup-code states, as Kratos v1.3.1's lookup strategy populates them.
const regenerate = submit("lookup_secret", "lookup_secret_regenerate");
const reveal = submit("lookup_secret", "lookup_secret_reveal");
const disable = submit("lookup_secret", "lookup_secret_disable");
const confirm = submit("lookup_secret", "lookup_secret_confirm");
const codes = textNode("lookup_secret", "lookup_secret_codes");
const lookupNone = [regenerate]; // identity has no codes yet, or just disabled them
const lookupHidden = [reveal, disable]; // identity has codes, not revealed
const lookupRevealed = [codes, disable, regenerate]; // after "reveal"
const lookupRegenerated = [codes, confirm]; // after "regenerate", before "confirm"

const webauthnRemove = (id: string) => submit("webauthn", "webauthn_remove", id);
const passkeyRemove = (id: string) => submit("passkey", "passkey_remove", id);

const off = { state: "none", count: 0 } as const;
const none: SettingsStatus = { totp: off, lookup_secret: off, webauthn: off, passkey: off };

describe("settingsStatus", () => {
  it("reports nothing set up for a fresh identity's settings flow", () => {
    const nodes = [
      csrf,
      ...totpSetup,
      ...lookupNone,
      field("webauthn", "webauthn_register_displayname", "text"),
      field("webauthn", "webauthn_register_trigger", "button"),
      field("passkey", "passkey_settings_register", "hidden"),
      field("passkey", "passkey_register_trigger", "button"),
    ];
    expect(settingsStatus(nodes)).toEqual(none);
  });

  it("reports nothing for no nodes", () => {
    expect(settingsStatus([])).toEqual(none);
  });

  describe("totp", () => {
    it("is true when Kratos offers to unlink it", () => {
      expect(settingsStatus([csrf, ...totpLinked]).totp).toEqual({ state: "active", count: 1 });
    });

    it("is false while Kratos offers the setup (QR, key, code field)", () => {
      expect(settingsStatus([csrf, ...totpSetup]).totp).toEqual(off);
    });

    it("is not fooled by a non-input node with the same id", () => {
      expect(settingsStatus([textNode("totp", "totp_unlink")]).totp).toEqual(off);
    });
  });

  describe("backupCodes", () => {
    it('is "none" when Kratos only offers to generate codes (the identity has none)', () => {
      expect(settingsStatus([csrf, ...lookupNone]).lookup_secret?.state).toBe("none");
    });

    it('is "active" when Kratos offers to reveal or disable existing codes', () => {
      expect(settingsStatus([csrf, ...lookupHidden]).lookup_secret?.state).toBe("active");
      expect(settingsStatus([reveal]).lookup_secret?.state).toBe("active");
      expect(settingsStatus([disable]).lookup_secret?.state).toBe("active");
    });

    it('stays "active" after the codes are revealed (disable and regenerate offered)', () => {
      expect(settingsStatus([csrf, ...lookupRevealed]).lookup_secret?.state).toBe("active");
    });

    it('is "unconfirmed" when new codes wait for confirmation', () => {
      expect(settingsStatus([csrf, ...lookupRegenerated]).lookup_secret?.state).toBe("unconfirmed");
    });

    it('prefers "unconfirmed" over "active" when both kinds of button are present', () => {
      expect(settingsStatus([confirm, reveal, disable]).lookup_secret?.state).toBe("unconfirmed");
    });
  });

  describe("security keys and passkeys", () => {
    it("counts the remove buttons of each kind separately", () => {
      const s = settingsStatus([
        csrf,
        webauthnRemove("a1"),
        passkeyRemove("p1"),
        webauthnRemove("a2"),
        webauthnRemove("a3"),
        passkeyRemove("p2"),
      ]);
      expect(s.webauthn).toEqual({ state: "active", count: 3 });
      expect(s.passkey).toEqual({ state: "active", count: 2 });
    });

    it("counts none without remove buttons", () => {
      const s = settingsStatus([csrf, field("webauthn", "webauthn_register_trigger", "button")]);
      expect(s.webauthn).toEqual(off);
      expect(s.passkey).toEqual(off);
    });
  });

  it("reads a fully enrolled identity", () => {
    expect(
      settingsStatus([csrf, ...totpLinked, ...lookupHidden, webauthnRemove("a1"), passkeyRemove("p1")]),
    ).toEqual({
      totp: { state: "active", count: 1 },
      lookup_secret: { state: "active", count: 1 },
      webauthn: { state: "active", count: 1 },
      passkey: { state: "active", count: 1 },
    });
  });
});

describe("statusLine", () => {
  it("words TOTP by state", () => {
    const on = statusLine("totp", { ...none, totp: { state: "active", count: 1 } });
    const off = statusLine("totp", none);
    expect(on).toMatch(/^Set up/);
    expect(off).toMatch(/^Not set up/);
    expect(on).not.toBe(off);
  });

  it("words backup codes by each of the three states", () => {
    const active = statusLine("lookup_secret", { ...none, lookup_secret: { state: "active", count: 1 } });
    const unconfirmed = statusLine("lookup_secret", {
      ...none,
      lookup_secret: { state: "unconfirmed", count: 0 },
    });
    const missing = statusLine("lookup_secret", none);
    expect(active).toMatch(/^Set up/);
    expect(unconfirmed).toContain("not active until");
    expect(missing).toMatch(/^Not set up/);
    expect(new Set([active, unconfirmed, missing]).size).toBe(3);
  });

  it("counts security keys with singular and plural wording", () => {
    expect(statusLine("webauthn", none)).toBe("No security key registered.");
    expect(statusLine("webauthn", { ...none, webauthn: { state: "active", count: 1 } })).toBe(
      "1 security key registered.",
    );
    expect(statusLine("webauthn", { ...none, webauthn: { state: "active", count: 2 } })).toBe(
      "2 security keys registered.",
    );
  });

  it("counts passkeys with singular and plural wording", () => {
    expect(statusLine("passkey", none)).toBe("No passkey registered.");
    expect(statusLine("passkey", { ...none, passkey: { state: "active", count: 1 } })).toBe(
      "1 passkey registered.",
    );
    expect(statusLine("passkey", { ...none, passkey: { state: "active", count: 3 } })).toBe(
      "3 passkeys registered.",
    );
  });

  it("has no line for other groups", () => {
    expect(statusLine("password", none)).toBeUndefined();
    expect(statusLine("profile", none)).toBeUndefined();
    expect(statusLine("default", none)).toBeUndefined();
  });

  it("a fresh identity's backup-code line does not claim codes are set up", () => {
    const line = statusLine("lookup_secret", settingsStatus([csrf, ...lookupNone]));
    expect(line).toMatch(/^Not set up/);
  });
});

describe("section status lines from the admin identity's credentials", () => {
  const de = createTranslator({
    locale: "de",
    messages: deCatalog as AbstractIntlMessages,
  }) as unknown as typeof t;
  const words = (section: string, facts: CredentialFacts, tr = t) =>
    sectionStatusLines(section, facts).map((l) =>
      tr(`settings.status.${l.key}`, { count: l.count ?? 0, date: l.date ?? "" } as unknown as Record<
        string,
        number
      >),
    );

  const ADMIN = {
    password: { created_at: "2026-01-02T03:04:05Z", config: {} },
    totp: { created_at: "2026-03-04T10:00:00Z", identifiers: ["a@b.test"] },
    webauthn: {
      config: {
        credentials: [{ is_passwordless: false }, { is_passwordless: false }, { is_passwordless: true }],
      },
    },
    passkey: { config: { credentials: [{}] } },
    lookup_secret: {
      config: {
        recovery_codes: [
          { code: "a", used_at: null },
          { code: "b", used_at: "2026-05-01T00:00:00Z" },
          { code: "c" },
        ],
      },
    },
    oidc: { identifiers: ["local:123", "sso:456", "local:789"] },
  };

  it("reads what is set up, how many, and since when", () => {
    expect(credentialFacts(ADMIN)).toEqual({
      passwordSet: true,
      totpSince: "2026-03-04T10:00:00Z",
      securityKeys: 2,
      passkeys: 2,
      backupCodesLeft: 2,
      linkedAccounts: 2,
    });
    expect(credentialFacts(undefined)).toEqual({
      passwordSet: false,
      totpSince: undefined,
      securityKeys: 0,
      passkeys: 0,
      backupCodesLeft: undefined,
      linkedAccounts: 0,
    });
    // A TOTP credential without a date: on, since when unknown.
    expect(credentialFacts({ totp: {} }).totpSince).toBeNull();
  });

  it("words each section's lines in English and German, with plurals", () => {
    const facts = credentialFacts(ADMIN);
    expect(words("password", facts)).toEqual(["Password set"]);
    expect(words("two-factor", { ...facts, totpSince: "4 Mar 2026" })).toEqual([
      "Authenticator app: on since 4 Mar 2026",
      "2 security keys",
      "2 backup codes left",
    ]);
    expect(words("passkeys", facts)).toEqual(["2 passkeys"]);
    expect(words("passkeys", { ...facts, passkeys: 1 })).toEqual(["1 passkey"]);
    expect(words("linked-accounts", facts)).toEqual(["2 linked accounts"]);
    expect(words("sessions", facts)).toEqual([]);
    const none = credentialFacts({});
    expect(words("two-factor", none)).toEqual([
      "Authenticator app: off",
      "No security keys",
      "No backup codes",
    ]);
    expect(words("two-factor", { ...none, backupCodesLeft: 1, securityKeys: 1 })).toEqual([
      "Authenticator app: off",
      "1 security key",
      "1 backup code left",
    ]);
    expect(words("password", none)).toEqual(["No password set"]);
    expect(words("two-factor", { ...facts, totpSince: null, backupCodesLeft: 8 }, de)).toEqual([
      "Authenticator-App: aktiv",
      "2 Sicherheitsschlüssel",
      "8 Backup-Codes übrig",
    ]);
    expect(words("linked-accounts", { ...none, linkedAccounts: 1 }, de)).toEqual(["1 verknüpftes Konto"]);
  });
});
