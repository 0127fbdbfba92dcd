// The method registry: one row per Kratos method, with everything the app needs to know about
// it. The factor policy, node filtering, settings status and the forms all read this table,
// so adding a method is one row here (plus Kratos config and tests). Pure data.

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

/** English default wording; the message catalogs' `methods.<key>.…` entries take over from these. */
export interface MethodText {
  /** The heading of the method's form section. */
  title?: string;
  /** The method as one choice in "Use a, b or c." */
  choice?: string;
  /** Kratos node labels (by Kratos message id) that read better said our way. */
  labels?: Readonly<Record<number, string>>;
  /** The settings page's line per setup state; `count` is how many are registered. */
  status?: Readonly<Partial<Record<SetupState, string | ((count: number) => string)>>>;
}

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
  setup?: SetupRule;
  text: MethodText;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const ROWS = [
  {
    key: "password",
    channel: "knowledge",
    role: "first",
    group: "password",
    credentialType: "password",
    independentSecondFactor: false,
    removeButtons: [],
    text: { title: "Password", choice: "your password" },
  },
  {
    key: "oidc",
    channel: "federated",
    role: "first",
    group: "oidc",
    credentialType: "oidc",
    independentSecondFactor: false,
    removeButtons: [],
    text: {},
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
    text: { title: "Email code", choice: "an email code" },
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
    text: {
      title: "Authenticator app",
      choice: "your authenticator app",
      labels: {
        1010009: "Use authenticator app",
        1050004: "Unlink authenticator app",
        1050005: "Authenticator app QR code",
        1050017: "Setup key (type it into your app if you cannot scan the QR code)",
      },
      status: {
        active: "Set up: codes from your authenticator app are accepted.",
        none: "Not set up. Scan the QR code with an authenticator app, then enter a code to confirm.",
      },
    },
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
    text: {
      title: "Security keys",
      choice: "a security key",
      status: {
        active: (n) => `${plural(n, "security key", "security keys")} registered.`,
        none: "No security key registered.",
      },
    },
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
    text: {
      title: "Passkeys",
      choice: "a passkey",
      status: {
        active: (n) => `${plural(n, "passkey", "passkeys")} registered.`,
        none: "No passkey registered.",
      },
    },
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
    text: {
      title: "Backup codes",
      choice: "a backup code",
      labels: {
        1010010: "Use backup code",
        1050007: "Show backup codes",
        1050008: "Generate backup codes",
        1050011: "I have saved these backup codes",
        1050016: "Turn off backup codes",
      },
      status: {
        active: "Set up: each code works once if you lose your other factors.",
        unconfirmed: "Save these codes somewhere safe, then confirm below. They are not active until you do.",
        none: "Not set up. Backup codes let you in when your other factors are not at hand.",
      },
    },
  },
  {
    // Account recovery by an emailed code or link: every identity with an address has it.
    key: "code_recovery",
    channel: "inbox",
    role: "first",
    independentSecondFactor: false,
    removeButtons: [],
    text: {},
  },
  {
    key: "link_recovery",
    channel: "inbox",
    role: "first",
    independentSecondFactor: false,
    removeButtons: [],
    text: {},
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
