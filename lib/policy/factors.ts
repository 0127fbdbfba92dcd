// The factor policy: which sign-in factors count as independent, and so what AAL the app
// trusts. Kratos v1.3.1 counts "any aal1 entry + any aal2 entry" as aal2, even when both
// codes came from the same inbox (Kratos issue #4317). This module counts channels instead.
// What it knows of each method comes from the method registry (lib/policy/methods.ts).
// Pure: no I/O, no framework imports.
import { field, hasField, type Submission } from "@/lib/policy/submission";
import { METHODS, methodByGroup, methodByKey, type Channel, type KratosMethod } from "@/lib/policy/methods";

export type Aal = "aal0" | "aal1" | "aal2";

/** One entry of Kratos's `session.authentication_methods`. */
export interface AmrEntry {
  method?: string;
  aal?: string;
  completed_at?: string | Date;
  provider?: string;
}

export interface FactorPolicy {
  /**
   * For each first-factor channel, the channels that may serve as its second factor.
   * Same-channel pairs never count, whatever this says: configuration can narrow, not weaken.
   */
  secondFactorsAfter: Record<Channel, readonly Channel[]>;
  /** Where Kratos's `code` method delivers; this app's identity schema sends codes by email. */
  codeChannel: "inbox" | "phone";
  /** Mirrors Kratos `selfservice.methods.code.mfa_enabled`: every identity can get an email code. */
  emailCodeSecondFactor: boolean;
  /**
   * Kratos ids of the OIDC providers that may host the user's mailbox (Google, Microsoft…).
   * Whoever holds such an account can read the email codes too, so a sign-in with one stands
   * for the inbox: an email code cannot be its second factor. Other providers are `federated`.
   */
  mailboxProviders: readonly string[];
}

export const ALL_CHANNELS: readonly Channel[] = [
  "knowledge",
  "inbox",
  "phone",
  "authenticator_app",
  "device_key",
  "backup_codes",
  "federated",
];

const SECOND_FACTOR_CHANNELS: readonly Channel[] = [
  "inbox",
  "phone",
  "authenticator_app",
  "device_key",
  "backup_codes",
];

/** Safe default: any second factor on a different channel from the first. */
export const DEFAULT_FACTOR_POLICY: FactorPolicy = {
  secondFactorsAfter: Object.fromEntries(
    ALL_CHANNELS.map((first) => [first, SECOND_FACTOR_CHANNELS.filter((second) => second !== first)]),
  ) as unknown as Record<Channel, readonly Channel[]>,
  codeChannel: "inbox",
  emailCodeSecondFactor: true,
  mailboxProviders: [],
};

/** The channel a sign-in with this OIDC provider stands for. */
export function channelOfProvider(provider: string | undefined, policy: FactorPolicy): Channel {
  return provider !== undefined && policy.mailboxProviders.includes(provider) ? "inbox" : "federated";
}

function channelOf(method: KratosMethod, policy: FactorPolicy, provider?: string): Channel {
  if (method.key === "code") return policy.codeChannel;
  if (method.channel === "federated") return channelOfProvider(provider, policy);
  return method.channel;
}

/**
 * The channel a Kratos AMR method proves (for `oidc`, by its `provider`), or undefined for a
 * method this policy does not know.
 */
export function channelOfMethod(
  method: string | undefined,
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
  provider?: string,
): Channel | undefined {
  const row = methodByKey(method);
  return row && channelOf(row, policy, provider);
}

// An entry without `aal`: what Kratos records for the method when it is not used passwordless.
function roleOf(entry: AmrEntry): "aal1" | "aal2" | undefined {
  if (entry.aal === "aal1" || entry.aal === "aal2") return entry.aal;
  const row = methodByKey(entry.method);
  if (!row) return undefined;
  return row.role === "first" ? "aal1" : "aal2";
}

export interface FactorSummary {
  firstFactorChannels: Channel[];
  secondFactorChannels: Channel[];
}

/** Splits a session's AMR into the channels of its first and second factors (unknown methods ignored). */
export function summarizeFactors(
  amr: readonly AmrEntry[],
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): FactorSummary {
  const first = new Set<Channel>();
  const second = new Set<Channel>();
  for (const entry of amr) {
    const channel = channelOfMethod(entry.method, policy, entry.provider);
    const role = roleOf(entry);
    if (!channel || !role) continue;
    (role === "aal1" ? first : second).add(channel);
  }
  return { firstFactorChannels: [...first], secondFactorChannels: [...second] };
}

/**
 * The mailbox provider the session signed in with (an `oidc` first factor standing for the
 * inbox), or undefined: the step-up page names it when it hides the email code.
 */
export function mailboxProviderSignIn(
  amr: readonly AmrEntry[],
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): string | undefined {
  return amr.find(
    (e) =>
      methodByKey(e.method)?.channel === "federated" &&
      roleOf(e) === "aal1" &&
      channelOfProvider(e.provider, policy) === "inbox",
  )?.provider;
}

/** True when `second` counts as an independent second factor after a first factor on `first`. */
export function pairCounts(
  first: Channel,
  second: Channel,
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): boolean {
  return first !== second && policy.secondFactorsAfter[first].includes(second);
}

// The one factor decision every question below comes down to: does some first factor pair
// with some second factor?
function anyPairCounts(
  firsts: readonly Channel[],
  seconds: readonly Channel[],
  policy: FactorPolicy,
): boolean {
  return firsts.some((f) => seconds.some((s) => pairCounts(f, s, policy)));
}

// Questions about a session (its AMR).

/** The AAL the app trusts: aal2 only from a first and a second factor on different channels. */
export function effectiveAal(amr: readonly AmrEntry[], policy: FactorPolicy = DEFAULT_FACTOR_POLICY): Aal {
  const { firstFactorChannels, secondFactorChannels } = summarizeFactors(amr, policy);
  if (firstFactorChannels.length === 0) return "aal0";
  return anyPairCounts(firstFactorChannels, secondFactorChannels, policy) ? "aal2" : "aal1";
}

/** True when this session may complete step-up with a second factor on `channel`. */
export function secondFactorAllowed(
  amr: readonly AmrEntry[],
  channel: Channel,
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): boolean {
  return anyPairCounts(summarizeFactors(amr, policy).firstFactorChannels, [channel], policy);
}

/**
 * The channel of a UI node group whose method can serve as a second factor (the groups
 * step-up filtering judges), or undefined for any other group.
 */
export function channelOfGroup(
  group: string,
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): Channel | undefined {
  const row = methodByGroup(group);
  const channel = row && channelOf(row, policy);
  return channel && SECOND_FACTOR_CHANNELS.includes(channel) ? channel : undefined;
}

/** Fields that belong to the `code` method's aal2 step: sending, resending or entering a code. */
const CODE_FIELDS = ["code", "address", "resend"] as const;

/** True when a login form submission uses (or asks for) an emailed code. */
export function isCodeSubmission(form: Submission): boolean {
  return field(form, "method") === "code" || CODE_FIELDS.some((f) => hasField(form, f));
}

export type GuardDecision = { allowed: true } | { allowed: false; reason: "same_channel_second_factor" };

/**
 * The factor guard for login submissions: refuses a code submission from a session whose
 * first factor came from the inbox the code would be sent to. Without a session it is a
 * first-factor login, which Kratos judges alone.
 */
export function guardLoginSubmission(
  form: Submission,
  sessionAmr: readonly AmrEntry[] | null,
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): GuardDecision {
  if (!sessionAmr || sessionAmr.length === 0) return { allowed: true };
  if (!isCodeSubmission(form)) return { allowed: true };
  return secondFactorAllowed(sessionAmr, policy.codeChannel, policy)
    ? { allowed: true }
    : { allowed: false, reason: "same_channel_second_factor" };
}

// Questions about an identity (its Kratos credential types).

const holds = (credentialTypes: readonly string[], method: KratosMethod) =>
  method.credentialType !== undefined && credentialTypes.includes(method.credentialType);

/** True when the identity has no second factor besides its inbox (the enrollment gate's question). */
export function needsIndependentSecondFactor(credentialTypes: readonly string[]): boolean {
  return !METHODS.some((m) => m.independentSecondFactor && holds(credentialTypes, m));
}

/** Channels an identity can use as a second factor, from its Kratos credential types. */
export function availableSecondFactorChannels(
  credentialTypes: readonly string[],
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): Channel[] {
  const out = new Set<Channel>();
  if (policy.emailCodeSecondFactor) out.add(policy.codeChannel);
  for (const m of METHODS) {
    if (m.independentSecondFactor && holds(credentialTypes, m)) out.add(channelOf(m, policy));
  }
  return [...out];
}

/**
 * Channels an identity can sign in with first: its first-factor credentials (each linked OIDC
 * provider by its own channel), and the methods that need no credential (recovery by email).
 */
export function availableFirstFactorChannels(
  credentialTypes: readonly string[],
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
  oidcProviders: readonly string[] = [],
): Channel[] {
  const out = new Set<Channel>();
  for (const m of METHODS) {
    if (m.role !== "first") continue;
    if (m.credentialType !== undefined && !holds(credentialTypes, m)) continue;
    // Each linked provider by its own channel; an `oidc` credential with none known is `federated`,
    // which can only raise the AAL the app asks of the identity, never lower it.
    const providers: readonly (string | undefined)[] =
      m.channel === "federated" && oidcProviders.length > 0 ? oidcProviders : [undefined];
    for (const p of providers) out.add(channelOf(m, policy, p));
  }
  return [...out];
}

/**
 * The highest AAL this identity can reach under the policy, from any first factor it has.
 * `oidcProviders`: the Kratos ids of the OIDC providers linked to it (its `oidc` credential).
 */
export function highestAvailableAal(
  credentialTypes: readonly string[],
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
  oidcProviders: readonly string[] = [],
): Aal {
  const firsts = availableFirstFactorChannels(credentialTypes, policy, oidcProviders);
  return anyPairCounts(firsts, availableSecondFactorChannels(credentialTypes, policy), policy)
    ? "aal2"
    : "aal1";
}
