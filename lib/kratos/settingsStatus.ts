// What a settings flow says is set up, read from its nodes by each method's setup rule in the
// method registry (Kratos shows "unlink" and "remove" buttons only for what exists). Pure.
import type { UiNode } from "@ory/client-fetch";
import { inputName } from "@/lib/kratos/nodes";
import { METHODS, methodByGroup, type SetupState } from "@/lib/policy/methods";

export interface SetupStatus {
  state: SetupState;
  /** How many are registered: Kratos shows one remove button for each. */
  count: number;
}

/** The setup status of every method that has a setup rule, by method key. */
export type SettingsStatus = Record<string, SetupStatus>;

export function settingsStatus(nodes: readonly UiNode[]): SettingsStatus {
  const names = nodes.map(inputName).filter((n) => n !== undefined);
  const shows = (list: readonly string[] = []) => names.some((n) => list.includes(n));
  const status: SettingsStatus = {};
  for (const m of METHODS) {
    if (!m.setup) continue;
    status[m.key] = {
      state: shows(m.setup.unconfirmedWhen) ? "unconfirmed" : shows(m.setup.activeWhen) ? "active" : "none",
      count: names.filter((n) => m.removeButtons.includes(n)).length,
    };
  }
  return status;
}

/** The catalog key (and count) of a method's line on the settings page: `methods.<key>.status.<state>`. */
/** The catalog key of a settings section's one-line introduction (`methods.<key>.intro`). */
export function introKey(group: string): string | undefined {
  const method = methodByGroup(group);
  return method && `methods.${method.key}.intro`;
}

export function statusLineKey(
  group: string,
  status: SettingsStatus,
): { key: string; count: number } | undefined {
  const method = methodByGroup(group);
  const s = method && status[method.key];
  return s && { key: `methods.${method.key}.status.${s.state}`, count: s.count };
}

// The status of each settings section at a glance (its navigation link and header), from the
// identity's credentials as Kratos's admin API lists them: the settings flow's identity carries
// no credentials, and its nodes say neither since when a method is on nor how many backup codes
// are left.

interface AdminCredential {
  created_at?: string;
  config?: unknown;
  identifiers?: string[];
}

interface KeysConfig {
  credentials?: { is_passwordless?: boolean }[] | null;
}

interface LookupConfig {
  recovery_codes?: { used_at?: string | null }[] | null;
}

export interface CredentialFacts {
  /**
   * Whether a password is set. Without a date: Kratos rewrites every credential's `updated_at` on
   * any change to the identity, and keeps `created_at` when the password changes.
   */
  passwordSet: boolean;
  /** When the authenticator app was set up; null: set up, date unknown; absent: not set up. */
  totpSince?: string | null;
  securityKeys: number;
  passkeys: number;
  /** Unused backup codes; absent when the identity has none set up. */
  backupCodesLeft?: number;
  /** How many accounts elsewhere are linked. */
  linkedAccounts: number;
}

/**
 * The facts of an admin identity's `credentials` (read with
 * `include_credential=webauthn&include_credential=passkey&include_credential=lookup_secret`).
 */
export function credentialFacts(credentials: Record<string, AdminCredential> | undefined): CredentialFacts {
  const c = credentials ?? {};
  const keys = (type: string) => (c[type]?.config as KeysConfig | undefined)?.credentials ?? [];
  const webauthn = keys("webauthn");
  const codes = (c.lookup_secret?.config as LookupConfig | undefined)?.recovery_codes;
  return {
    passwordSet: c.password !== undefined,
    // A new setup replaces the TOTP credential, and Kratos keeps a credential's `created_at`
    // through other changes to the identity: its creation is "since".
    totpSince: c.totp ? (c.totp.created_at ?? null) : undefined,
    securityKeys: webauthn.filter((k) => !k.is_passwordless).length,
    // Passwordless WebAuthn keys are passkeys to the person.
    passkeys: keys("passkey").length + webauthn.filter((k) => k.is_passwordless).length,
    backupCodesLeft: codes ? codes.filter((code) => !code.used_at).length : undefined,
    linkedAccounts: new Set((c.oidc?.identifiers ?? []).map((i) => i.split(":")[0])).size,
  };
}

/** One status line: a catalog key under `settingsSections.status`, its count, and a date to format. */
export interface SectionStatusLine {
  key: string;
  count?: number;
  date?: string;
}

/** What a section's link and header say is set up; empty for the app's own sections. */
export function sectionStatusLines(section: string, facts: CredentialFacts): SectionStatusLine[] {
  switch (section) {
    case "password":
      return [{ key: facts.passwordSet ? "passwordSet" : "noPassword" }];
    case "two-factor":
      return [
        facts.totpSince === undefined
          ? { key: "totpOff" }
          : facts.totpSince
            ? { key: "totpOnSince", date: facts.totpSince }
            : { key: "totpOn" },
        { key: "securityKeys", count: facts.securityKeys },
        facts.backupCodesLeft === undefined
          ? { key: "noBackupCodes" }
          : { key: "backupCodesLeft", count: facts.backupCodesLeft },
      ];
    case "passkeys":
      return [{ key: "passkeys", count: facts.passkeys }];
    case "linked-accounts":
      return [{ key: "linkedAccounts", count: facts.linkedAccounts }];
    default:
      return [];
  }
}
