// The session behind a request's one credential, as Kratos sees it, and the settings guard's
// judgement of it (the BFF's settings endpoints and the Elements settings start share it).
import "server-only";
import type { Session } from "@ory/client-fetch";
import { getConfig } from "@/lib/config";
import { whoami } from "@/lib/kratos/client";
import { decideAccess } from "@/lib/policy/access";
import type { Credential } from "@/lib/policy/credential";
import { factsOf } from "@/lib/session/facts";

/**
 * `rejected`: the request carries a credential and Kratos does not accept it (ended, unknown or
 * junk). Guards refuse such a request: it is never read as "no session".
 */
export type SessionLookup = { type: "none" } | { type: "rejected" } | { type: "active"; session: Session };

export async function lookupSession(credential: Credential): Promise<SessionLookup> {
  if (credential.type === "none") return { type: "none" };
  const session = await whoami(credential);
  return session ? { type: "active", session } : { type: "rejected" };
}

export type SettingsVerdict =
  { type: "allow" } | { type: "rejected" } | { type: "step_up"; refresh: boolean };

/**
 * Settings change passwords and factors, so they get the app's own AAL check too: a session
 * Kratos calls aal2 from two codes of one inbox is sent to step-up instead of reaching Kratos's
 * settings endpoints. Without a credential Kratos answers "sign in first" itself.
 */
export async function settingsVerdict(lookup: SessionLookup): Promise<SettingsVerdict> {
  if (lookup.type === "none") return { type: "allow" };
  if (lookup.type === "rejected") return { type: "rejected" };
  const decision = decideAccess("highest_available", await factsOf(lookup.session), getConfig().factorPolicy);
  return decision.type === "step_up" ? decision : { type: "allow" };
}
