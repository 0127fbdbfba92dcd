// Decides what a protected request gets, from the route's requirement and the session.
// Pure: proxy.ts gathers the inputs and carries out the answer.
import { effectiveAal, highestAvailableAal, type AmrEntry, type FactorPolicy } from "@/lib/policy/factors";
import type { Requirement } from "@/lib/policy/appMap";

export interface SessionFacts {
  /** What Kratos says (`authenticator_assurance_level`). */
  kratosAal: string;
  amr: readonly AmrEntry[];
  /** Kratos credential types of the identity (from the admin API). */
  credentialTypes: readonly string[];
  /** The OIDC providers linked to the identity (absent in a cache entry from before they were read). */
  oidcProviders?: readonly string[];
}

export type AccessDecision =
  | { type: "allow" }
  | { type: "sign_in" }
  /** `refresh`: Kratos already calls the session aal2, so a plain aal2 login flow would refuse. */
  | { type: "step_up"; refresh: boolean };

// The policy is required: a caller that forgot it would silently judge with the default, whose
// lists (mailbox providers, narrowed channel pairs) may differ from the deployment's.
export function decideAccess(
  requirement: Requirement,
  session: SessionFacts | null,
  policy: FactorPolicy,
): AccessDecision {
  if (!session) return { type: "sign_in" };
  if (requirement === "aal1") return { type: "allow" };
  if (effectiveAal(session.amr, policy) === "aal2") return { type: "allow" };
  if (highestAvailableAal(session.credentialTypes, policy, session.oidcProviders) !== "aal2")
    return { type: "allow" };
  return { type: "step_up", refresh: session.kratosAal === "aal2" };
}
