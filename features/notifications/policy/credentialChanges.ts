// Which credential change a settings hook stands for. Kratos runs a settings after-hook per
// method (password, totp, webauthn, passkey, lookup_secret, oidc) and its webhook context says
// neither what was done (added or removed) nor which provider: the identity in it carries no
// credentials (Kratos v1.3.1 identity.MarshalJSON drops them). So the app keeps a summary of the
// identity's credentials in metadata_admin and names the change from the summary before and after.
// Pure.

export interface CredentialSummary {
  totp: boolean;
  lookupSecret: boolean;
  webauthn: number;
  passkey: number;
  oidc: string[];
}

export const EMPTY_SUMMARY: CredentialSummary = {
  totp: false,
  lookupSecret: false,
  webauthn: 0,
  passkey: 0,
  oidc: [],
};

interface CredentialEntry {
  identifiers?: string[] | null;
  config?: unknown;
}

const keyCount = (entry: CredentialEntry | undefined) => {
  const keys = (entry?.config as { credentials?: unknown[] | null } | undefined)?.credentials;
  return Array.isArray(keys) ? keys.length : 0;
};

/**
 * The summary of an admin identity's `credentials`, read with include_credential for webauthn and
 * passkey only (their keys are in `config`). Backup codes and OIDC tokens are never read: the
 * entries' presence and identifiers (`<provider>:<subject>`) say enough, and Kratos deletes the
 * totp and lookup_secret entries when they are removed.
 */
export function summarizeCredentials(
  credentials: Record<string, CredentialEntry> | null | undefined,
): CredentialSummary {
  const c = credentials ?? {};
  return {
    totp: c.totp !== undefined,
    lookupSecret: c.lookup_secret !== undefined,
    webauthn: keyCount(c.webauthn),
    passkey: keyCount(c.passkey),
    oidc: [
      ...new Set(
        (c.oidc?.identifiers ?? []).flatMap((i) => (i.includes(":") ? [i.slice(0, i.indexOf(":"))] : [])),
      ),
    ].sort(),
  };
}

/** A summary read back from metadata_admin: anything malformed counts as unknown (undefined). */
export function readSummary(value: unknown): CredentialSummary | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  if (
    typeof v.totp !== "boolean" ||
    typeof v.lookupSecret !== "boolean" ||
    typeof v.webauthn !== "number" ||
    typeof v.passkey !== "number" ||
    !Array.isArray(v.oidc) ||
    !v.oidc.every((p) => typeof p === "string")
  )
    return undefined;
  return {
    totp: v.totp,
    lookupSecret: v.lookupSecret,
    webauthn: v.webauthn,
    passkey: v.passkey,
    oidc: v.oidc as string[],
  };
}

export type SettingsMethod = "password" | "totp" | "webauthn" | "passkey" | "lookup_secret" | "oidc";
export const SETTINGS_METHODS: readonly SettingsMethod[] = [
  "password",
  "totp",
  "webauthn",
  "passkey",
  "lookup_secret",
  "oidc",
];

export type CredentialChange =
  | { type: "password_changed" }
  | { type: "totp_added" | "totp_removed" }
  | { type: "webauthn_added" | "webauthn_removed" }
  | { type: "passkey_added" | "passkey_removed" }
  | { type: "backup_codes_created" | "backup_codes_regenerated" | "backup_codes_removed" }
  | { type: "oidc_linked" | "oidc_unlinked"; provider: string };

/**
 * What a settings submission of `method` changed, from the summaries before and after. No
 * summary before (an account older than this feature) reads as having had nothing. Empty when
 * nothing changed (a repeated call, or a submission that kept everything as it was).
 */
export function credentialChanges(
  method: SettingsMethod,
  before: CredentialSummary | undefined,
  after: CredentialSummary,
): CredentialChange[] {
  const old = before ?? EMPTY_SUMMARY;
  switch (method) {
    case "password":
      return [{ type: "password_changed" }];
    case "totp":
      return old.totp === after.totp ? [] : [{ type: after.totp ? "totp_added" : "totp_removed" }];
    case "webauthn":
    case "passkey": {
      const d = after[method] - old[method];
      if (d === 0) return [];
      return [{ type: d > 0 ? `${method}_added` : `${method}_removed` }];
    }
    case "lookup_secret":
      // Kratos persists codes only when they are confirmed: a new set while one existed is a regeneration.
      if (!after.lookupSecret) return old.lookupSecret ? [{ type: "backup_codes_removed" }] : [];
      return [{ type: old.lookupSecret ? "backup_codes_regenerated" : "backup_codes_created" }];
    case "oidc":
      return [
        ...after.oidc
          .filter((p) => !old.oidc.includes(p))
          .map((provider) => ({ type: "oidc_linked" as const, provider })),
        ...old.oidc
          .filter((p) => !after.oidc.includes(p))
          .map((provider) => ({ type: "oidc_unlinked" as const, provider })),
      ];
  }
}
