// When the app may delete an account (Kratos v1.3.1 has no self-service deletion): the same bar
// Kratos sets for changing settings, and then some. The session must be privileged (signed in or
// re-authenticated within Kratos's `privileged_session_max_age`), at the highest AAL the identity
// can reach under the factor policy, and the person must type the account's email address.
// Pure: the route gathers the inputs and carries out the answer.
import {
  DEFAULT_FACTOR_POLICY,
  effectiveAal,
  highestAvailableAal,
  type AmrEntry,
  type FactorPolicy,
} from "@/lib/policy/factors";

export interface DeletionRequest {
  amr: readonly AmrEntry[];
  /** Kratos credential types of the identity, for the highest AAL it can reach. */
  credentialTypes: readonly string[];
  /** The OIDC providers linked to the identity. */
  oidcProviders?: readonly string[];
  /** The session's `authenticated_at` (the last sign-in or re-authentication). */
  authenticatedAt: string | Date | undefined;
  /** The account's email address (its identifier trait). */
  accountEmail: string | undefined;
  /** What the person typed to confirm. */
  typedEmail: unknown;
  now: Date;
  /** Kratos's `selfservice.flows.settings.privileged_session_max_age`, in seconds. */
  privilegedMaxAgeSeconds: number;
}

export type DeletionDecision =
  | { type: "delete" }
  | { type: "email_mismatch" }
  /** Sign in again (`refresh`) at `aal`, then confirm again. */
  | { type: "reauthenticate"; aal: "aal1" | "aal2" };

/** Emails compare without surrounding spaces and case (the domain is case-insensitive, and people type so). */
export function sameEmail(typed: unknown, account: string | undefined): boolean {
  if (typeof typed !== "string" || !account) return false;
  const norm = (s: string) => s.trim().normalize("NFC").toLowerCase();
  return norm(typed) !== "" && norm(typed) === norm(account);
}

/** True while `authenticatedAt` is within the privileged window (Kratos's rule for settings). */
export function isPrivileged(
  authenticatedAt: string | Date | undefined,
  now: Date,
  maxAgeSeconds: number,
): boolean {
  if (!authenticatedAt) return false;
  const at = new Date(authenticatedAt).getTime();
  if (Number.isNaN(at)) return false;
  return at + maxAgeSeconds * 1000 >= now.getTime();
}

export function decideDeletion(
  req: DeletionRequest,
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): DeletionDecision {
  // The typed email comes first: a typo needs no new sign-in, only a second look.
  if (!sameEmail(req.typedEmail, req.accountEmail)) return { type: "email_mismatch" };
  const required =
    highestAvailableAal(req.credentialTypes, policy, req.oidcProviders) === "aal2" ? "aal2" : "aal1";
  const reached = effectiveAal(req.amr, policy);
  const fresh = isPrivileged(req.authenticatedAt, req.now, req.privilegedMaxAgeSeconds);
  if (!fresh || (required === "aal2" && reached !== "aal2")) return { type: "reauthenticate", aal: required };
  return { type: "delete" };
}
