// The factor policy: which sign-in factors count as independent, and so what AAL the app
// trusts. Kratos v1.3.1 counts "any aal1 entry + any aal2 entry" as aal2, even when both
// codes came from the same inbox (Kratos issue #4317). This module counts channels instead.
// Pure: no I/O, no framework imports.

/** Where a factor's proof comes from. Two factors are independent only on different channels. */
export type Channel =
  | "knowledge" // a password
  | "inbox" // a code or link sent to an email address
  | "phone" // a code sent by SMS
  | "authenticator_app" // TOTP
  | "device_key" // WebAuthn security key or passkey
  | "backup_codes" // lookup secrets
  | "federated"; // an OIDC provider

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
};

/** The channel a Kratos AMR method proves, or undefined for a method this policy does not know. */
export function channelOfMethod(
  method: string | undefined,
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): Channel | undefined {
  switch (method) {
    case "password":
      return "knowledge";
    case "code_recovery":
    case "link_recovery":
      return "inbox";
    case "code":
      return policy.codeChannel;
    case "totp":
      return "authenticator_app";
    case "webauthn":
    case "passkey":
      return "device_key";
    case "lookup_secret":
      return "backup_codes";
    case "oidc":
      return "federated";
    default:
      return undefined;
  }
}

// What Kratos records when an entry carries no `aal`: the method's usual role.
const DEFAULT_ROLE: Record<string, "aal1" | "aal2"> = {
  password: "aal1",
  code_recovery: "aal1",
  link_recovery: "aal1",
  passkey: "aal1",
  oidc: "aal1",
  code: "aal2",
  totp: "aal2",
  lookup_secret: "aal2",
  webauthn: "aal2",
};

function roleOf(entry: AmrEntry): "aal1" | "aal2" | undefined {
  if (entry.aal === "aal1" || entry.aal === "aal2") return entry.aal;
  return entry.method ? DEFAULT_ROLE[entry.method] : undefined;
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
    const channel = channelOfMethod(entry.method, policy);
    const role = roleOf(entry);
    if (!channel || !role) continue;
    (role === "aal1" ? first : second).add(channel);
  }
  return { firstFactorChannels: [...first], secondFactorChannels: [...second] };
}

/** True when `second` counts as an independent second factor after a first factor on `first`. */
export function pairCounts(
  first: Channel,
  second: Channel,
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): boolean {
  return first !== second && policy.secondFactorsAfter[first].includes(second);
}

/** The AAL the app trusts: aal2 only from a first and a second factor on different channels. */
export function effectiveAal(amr: readonly AmrEntry[], policy: FactorPolicy = DEFAULT_FACTOR_POLICY): Aal {
  const { firstFactorChannels, secondFactorChannels } = summarizeFactors(amr, policy);
  if (firstFactorChannels.length === 0) return "aal0";
  const aal2 = firstFactorChannels.some((f) => secondFactorChannels.some((s) => pairCounts(f, s, policy)));
  return aal2 ? "aal2" : "aal1";
}

/** True when this session may complete step-up with a second factor on `channel`. */
export function secondFactorAllowed(
  amr: readonly AmrEntry[],
  channel: Channel,
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): boolean {
  const { firstFactorChannels } = summarizeFactors(amr, policy);
  return firstFactorChannels.some((f) => pairCounts(f, channel, policy));
}

// Kratos names the UI node group of these methods after the method itself.
const METHOD_GROUPS = ["code", "totp", "webauthn", "passkey", "lookup_secret"];

/** The Kratos UI node group of a second-factor method, as a channel. */
export function channelOfGroup(
  group: string,
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): Channel | undefined {
  return METHOD_GROUPS.includes(group) ? channelOfMethod(group, policy) : undefined;
}

/** Fields that belong to the `code` method's aal2 step: sending, resending or entering a code. */
const CODE_FIELDS = ["code", "address", "resend"];

/** True when a login form submission uses (or asks for) an emailed code. */
export function isCodeSubmission(form: URLSearchParams | Record<string, unknown>): boolean {
  const get = (k: string) => (form instanceof URLSearchParams ? form.get(k) : (form[k] as unknown));
  const has = (k: string) => (form instanceof URLSearchParams ? form.has(k) : k in form);
  return get("method") === "code" || CODE_FIELDS.some(has);
}

export type GuardDecision = { allowed: true } | { allowed: false; reason: "same_channel_second_factor" };

/**
 * The factor guard for login submissions: refuses a code submission from a session whose
 * first factor came from the inbox the code would be sent to. Without a session it is a
 * first-factor login, which Kratos judges alone.
 */
export function guardLoginSubmission(
  form: URLSearchParams | Record<string, unknown>,
  sessionAmr: readonly AmrEntry[] | null,
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): GuardDecision {
  if (!sessionAmr || sessionAmr.length === 0) return { allowed: true };
  if (!isCodeSubmission(form)) return { allowed: true };
  return secondFactorAllowed(sessionAmr, policy.codeChannel, policy)
    ? { allowed: true }
    : { allowed: false, reason: "same_channel_second_factor" };
}

/** Kratos credential types that give an identity a second factor independent of its inbox. */
const INDEPENDENT_SECOND_FACTOR_CREDENTIALS = ["totp", "webauthn", "lookup_secret"];

/** True when the identity has no second factor besides its inbox (the enrollment gate's question). */
export function needsIndependentSecondFactor(credentialTypes: readonly string[]): boolean {
  return !credentialTypes.some((t) => INDEPENDENT_SECOND_FACTOR_CREDENTIALS.includes(t));
}

/** Channels an identity can use as a second factor, from its Kratos credential types. */
export function availableSecondFactorChannels(
  credentialTypes: readonly string[],
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): Channel[] {
  const out = new Set<Channel>();
  if (policy.emailCodeSecondFactor) out.add(policy.codeChannel);
  for (const t of credentialTypes) {
    if (t === "totp") out.add("authenticator_app");
    if (t === "webauthn") out.add("device_key");
    if (t === "lookup_secret") out.add("backup_codes");
  }
  return [...out];
}

/** Channels an identity can sign in with first (recovery by email is always one). */
export function availableFirstFactorChannels(credentialTypes: readonly string[]): Channel[] {
  const out = new Set<Channel>(["inbox"]);
  for (const t of credentialTypes) {
    if (t === "password") out.add("knowledge");
    if (t === "passkey") out.add("device_key");
    if (t === "oidc") out.add("federated");
  }
  return [...out];
}

/** The highest AAL this identity can reach under the policy, from any first factor it has. */
export function highestAvailableAal(
  credentialTypes: readonly string[],
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): Aal {
  const firsts = availableFirstFactorChannels(credentialTypes);
  const seconds = availableSecondFactorChannels(credentialTypes, policy);
  return firsts.some((f) => seconds.some((s) => pairCounts(f, s, policy))) ? "aal2" : "aal1";
}
