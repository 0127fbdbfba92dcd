// The enrollment gate's decision (pure): after sign-in, send a user with no second factor
// independent of their inbox to set one up, once per browser, never in a loop.
import { needsIndependentSecondFactor } from "@/lib/factorPolicy";

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
