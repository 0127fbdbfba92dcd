// Consent decisions: when the page is skipped, and which identity traits a granted scope puts
// into the ID token (and userinfo). Pure.

/** The parts of Hydra's consent request this module reads. */
export interface ConsentRequestFacts {
  /** Hydra remembers a consent for these scopes (an earlier "remember this decision"). */
  skip: boolean;
  /** The client's registration, set only through Hydra's admin API (npm run hydra:client). */
  client: { metadata?: unknown; skip_consent?: boolean };
}

/** True for a client registered as first-party: this deployment's own apps ask no consent. */
export function isFirstParty(client: ConsentRequestFacts["client"]): boolean {
  const m = client.metadata;
  return typeof m === "object" && m !== null && (m as { first_party?: unknown }).first_party === true;
}

/** Why the consent page is not shown, or null when the user decides. */
export function consentSkipReason(request: ConsentRequestFacts): "remembered" | "first_party" | null {
  if (request.skip) return "remembered";
  if (isFirstParty(request.client) || request.client.skip_consent === true) return "first_party";
  return null;
}

/** Scopes the consent page describes in words (messages: oauth2Consent.scope_<name>). */
export const KNOWN_SCOPES = ["openid", "email", "profile", "offline_access"] as const;
export type KnownScope = (typeof KNOWN_SCOPES)[number];

export function isKnownScope(scope: string): scope is KnownScope {
  return (KNOWN_SCOPES as readonly string[]).includes(scope);
}

export interface IdentityFacts {
  traits: unknown;
  verifiableAddresses: readonly { value: string; verified: boolean; via?: string }[];
}

export interface IdTokenClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** The claims the granted scopes allow, from the identity's traits (nothing without `openid`'s companions). */
export function claimsFor(grantedScopes: readonly string[], identity: IdentityFacts): IdTokenClaims {
  const traits = (typeof identity.traits === "object" && identity.traits !== null ? identity.traits : {}) as {
    email?: unknown;
    name?: unknown;
  };
  const claims: IdTokenClaims = {};
  if (grantedScopes.includes("email") && typeof traits.email === "string") {
    const email = traits.email;
    claims.email = email;
    claims.email_verified = identity.verifiableAddresses.some(
      (a) => a.verified && a.value.toLowerCase() === email.toLowerCase(),
    );
  }
  if (grantedScopes.includes("profile") && typeof traits.name === "string" && traits.name.trim() !== "")
    claims.name = traits.name;
  return claims;
}
