// Which credentials an identity can actually use. Kratos v1.3.1 creates `webauthn` (and
// `passkey`) credential entries as soon as the schema names an identifier, with no key in
// them, so the type alone says nothing: the entry counts only once it holds a key. Pure.

interface WebAuthnConfig {
  credentials?: { is_passwordless?: boolean }[] | null;
}

interface CredentialEntry {
  type?: string;
  config?: unknown;
  identifiers?: string[];
}

/**
 * The Kratos ids of the OIDC providers linked to an identity: Kratos names each link
 * `<provider>:<subject>` in the `oidc` credential's identifiers.
 */
export function linkedOidcProviders(credentials: Record<string, CredentialEntry> | undefined): string[] {
  const identifiers = credentials?.oidc?.identifiers ?? [];
  return [...new Set(identifiers.flatMap((i) => (i.includes(":") ? [i.slice(0, i.indexOf(":"))] : [])))];
}

/** Credential types that hold a usable secret or key, from an admin identity's `credentials`. */
export function usableCredentialTypes(credentials: Record<string, CredentialEntry> | undefined): string[] {
  const out: string[] = [];
  for (const [type, entry] of Object.entries(credentials ?? {})) {
    if (type === "webauthn" || type === "passkey") {
      const keys = (entry.config as WebAuthnConfig | undefined)?.credentials ?? [];
      // Passwordless WebAuthn keys are first factors, like passkeys.
      const secondFactorKeys = keys.filter((k) => !k.is_passwordless);
      if (type === "webauthn" && secondFactorKeys.length > 0) out.push("webauthn");
      if (type === "passkey" && keys.length > 0) out.push("passkey");
      if (type === "webauthn" && keys.length > secondFactorKeys.length) out.push("passkey");
      continue;
    }
    out.push(type);
  }
  return [...new Set(out)];
}
