// The method registry: one row per Kratos method, with everything the app needs to know about
// it. The factor policy, node filtering, settings status and the forms all read this table,
// so adding a method is one row here (plus its words in the catalogs, messages/*.json under
// `methods.<key>`, Kratos config and tests). Pure data.

/** Where a factor's proof comes from. Two factors are independent only on different channels. */
export type Channel =
  | "knowledge" // a password
  | "inbox" // a code or link sent to an email address
  | "phone" // a code sent by SMS
  | "authenticator_app" // TOTP
  | "device_key" // WebAuthn security key or passkey
  | "backup_codes" // lookup secrets
  | "federated"; // an OIDC provider

/**
 * How Kratos records a method in `session.authentication_methods`: as a first factor (aal1),
 * a second factor (aal2), or either (aal1 when used passwordless, aal2 as MFA). An entry
 * without `aal` is read as aal1 for "first" and aal2 otherwise.
 */
export type Role = "first" | "second" | "either";

/** What the settings page reads from a settings flow to say whether a method is set up. */
export interface SetupRule {
  /** Input names Kratos shows only once the method is set up. */
  activeWhen: readonly string[];
  /** Input names Kratos shows while a new setup waits for the user's confirmation. */
  unconfirmedWhen?: readonly string[];
}

export type SetupState = "none" | "unconfirmed" | "active";

export interface KratosMethod {
  /** Kratos's name for the method: its `method` in the session's AMR. */
  key: string;
  channel: Channel;
  role: Role;
  /** The UI node group of its forms in login, registration and settings flows; none for recovery. */
  group?: string;
  /** The Kratos identity credential type that holds it; none when the email address is enough. */
  credentialType?: string;
  /**
   * An enrolled credential of this type gives the identity a second factor independent of its
   * inbox: the enrollment gate asks for one, and step-up can always use it.
   */
  independentSecondFactor: boolean;
  /** Settings buttons that remove or unlink it (shown as destructive), one per registered item. */
  removeButtons: readonly string[];
  /**
   * Its form never needs the flow's shared fields (identifier, traits): it gets a form of its
   * own even where the other methods share one, so their required fields do not block it.
   */
  ownForm?: boolean;
  setup?: SetupRule;
  /** Its inputs that take a code of digits: the forms show them with a numeric keyboard. */
  numericInputs?: readonly string[];
  /**
   * Its text node that lists codes to keep (backup codes), one message per code in the text's
   * `context.secrets`: the forms show them as a list to copy or download.
   */
  codeListText?: string;
}

const ROWS = [
  {
    key: "password",
    channel: "knowledge",
    role: "first",
    group: "password",
    credentialType: "password",
    independentSecondFactor: false,
    removeButtons: [],
  },
  {
    // Its channel depends on the provider: the policy's `mailboxProviders` stand for the inbox.
    key: "oidc",
    channel: "federated",
    role: "first",
    group: "oidc",
    credentialType: "oidc",
    independentSecondFactor: false,
    removeButtons: ["unlink"],
    ownForm: true,
  },
  {
    // Where codes go is the policy's `codeChannel` (this schema: email).
    key: "code",
    channel: "inbox",
    role: "either",
    group: "code",
    credentialType: "code",
    independentSecondFactor: false,
    removeButtons: [],
    numericInputs: ["code"],
  },
  {
    key: "totp",
    channel: "authenticator_app",
    role: "second",
    group: "totp",
    credentialType: "totp",
    independentSecondFactor: true,
    removeButtons: ["totp_unlink"],
    setup: { activeWhen: ["totp_unlink"] },
    numericInputs: ["totp_code"],
  },
  {
    key: "webauthn",
    channel: "device_key",
    role: "either",
    group: "webauthn",
    credentialType: "webauthn",
    independentSecondFactor: true,
    removeButtons: ["webauthn_remove"],
    setup: { activeWhen: ["webauthn_remove"] },
  },
  {
    key: "passkey",
    channel: "device_key",
    role: "first",
    group: "passkey",
    credentialType: "passkey",
    independentSecondFactor: false,
    removeButtons: ["passkey_remove"],
    setup: { activeWhen: ["passkey_remove"] },
  },
  {
    key: "lookup_secret",
    channel: "backup_codes",
    role: "second",
    group: "lookup_secret",
    credentialType: "lookup_secret",
    independentSecondFactor: true,
    removeButtons: ["lookup_secret_disable"],
    // Kratos offers `lookup_secret_regenerate` alone when the identity has no codes, and next
    // to `lookup_secret_disable` once they are revealed: only reveal/disable mean codes exist.
    setup: {
      activeWhen: ["lookup_secret_reveal", "lookup_secret_disable"],
      unconfirmedWhen: ["lookup_secret_confirm"],
    },
    codeListText: "lookup_secret_codes",
  },
  {
    // Account recovery by an emailed code or link: every identity with an address has it.
    key: "code_recovery",
    channel: "inbox",
    role: "first",
    independentSecondFactor: false,
    removeButtons: [],
  },
  {
    key: "link_recovery",
    channel: "inbox",
    role: "first",
    independentSecondFactor: false,
    removeButtons: [],
  },
] as const satisfies readonly KratosMethod[];

/** Every method the app knows, in the order its forms are shown. */
export const METHODS: readonly KratosMethod[] = ROWS;

export type MethodKey = (typeof ROWS)[number]["key"];

/** The row for an AMR method name, or undefined for a method the app does not know. */
export function methodByKey(key: string | undefined): KratosMethod | undefined {
  return METHODS.find((m) => m.key === key);
}

/** The row whose forms carry this UI node group, or undefined for other groups (default, profile…). */
export function methodByGroup(group: string): KratosMethod | undefined {
  return METHODS.find((m) => m.group === group);
}
