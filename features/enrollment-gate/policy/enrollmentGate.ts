// What happens right after sign-in (pure): the enrollment gate sends a user with no second
// factor independent of their inbox to set one up, once per browser, never in a loop.
import {
  DEFAULT_FACTOR_POLICY,
  effectiveAal,
  needsIndependentSecondFactor,
  type AmrEntry,
  type FactorPolicy,
} from "@/lib/policy/factors";

export const GATE_COOKIE = "enrollment_prompted";

export function shouldPromptEnrollment(opts: {
  enabled: boolean;
  credentialTypes: readonly string[];
  identityId: string;
  /** The value of GATE_COOKIE, if any: the identity ids already prompted in this browser. */
  promptedCookie: string | undefined;
}): boolean {
  if (!opts.enabled) return false;
  if (!needsIndependentSecondFactor(opts.credentialTypes)) return false;
  const prompted = (opts.promptedCookie ?? "").split(".").filter(Boolean);
  return !prompted.includes(opts.identityId);
}

/** The cookie value after prompting `identityId` (keeps the last few identities). */
export function markPrompted(promptedCookie: string | undefined, identityId: string): string {
  const prompted = (promptedCookie ?? "").split(".").filter((x) => x && x !== identityId);
  return [...prompted.slice(-4), identityId].join(".");
}

export type AfterSignIn = { type: "step_up" } | { type: "prompt_enrollment" } | { type: "continue" };

/**
 * Where a browser goes right after sign-in: users with an authenticator app, security key or
 * backup codes are asked for it at once (unless the session already has it); users without
 * one see the enrollment prompt once; everyone else goes on to return_to.
 */
export function afterSignIn(opts: {
  gateEnabled: boolean;
  credentialTypes: readonly string[];
  amr: readonly AmrEntry[];
  identityId: string;
  promptedCookie: string | undefined;
  policy?: FactorPolicy;
}): AfterSignIn {
  if (!needsIndependentSecondFactor(opts.credentialTypes)) {
    return effectiveAal(opts.amr, opts.policy ?? DEFAULT_FACTOR_POLICY) === "aal2"
      ? { type: "continue" }
      : { type: "step_up" };
  }
  const prompt = shouldPromptEnrollment({
    enabled: opts.gateEnabled,
    credentialTypes: opts.credentialTypes,
    identityId: opts.identityId,
    promptedCookie: opts.promptedCookie,
  });
  return prompt ? { type: "prompt_enrollment" } : { type: "continue" };
}
