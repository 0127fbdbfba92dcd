// Every environment variable the app reads, declared once: its type (which selects its parser in
// lib/config.ts), default, whether the app refuses to start without it, whether it is a secret,
// what it is for and the feature it belongs to. `.env.example` and the configuration tables of
// docs/configuration.md are generated from this table (`npm run config:docs`;
// test/configDocs.test.ts fails when either is stale), and the same test holds the stack scripts
// to the names declared here.

import type { FeatureName } from "@/features/selection.mjs";

/**
 * The part of the app a variable belongs to: where to look when changing or removing it. An
 * optional feature's variables carry its name (features/selection.mjs) and mean nothing while
 * FEATURES turns it off.
 */
export type Feature = "core" | FeatureName | "session cache" | "rate limits" | "runtime" | "build";

interface About {
  /** What it does, for .env.example and docs/configuration.md (one sentence; markdown code spans allowed). */
  description: string;
  feature: Feature;
  /** The value .env.example shows, where the default is not the useful example. */
  example?: string;
}

/**
 * Parsed by lib/config.ts into the setting of its name (`getConfig().<setting>`); the app names
 * every problem at start and refuses to run.
 */
export type AppVariable = About & { setting: string } & (
    | { type: "url"; required: true }
    | { type: "secret"; required: true; secret: true }
    | { type: "integer"; default: number; min: number; max: number }
    | { type: "boolean"; default: boolean }
    /** A Go duration mirroring a Kratos setting (`kratosKey`), which must stay equal to it. */
    | { type: "goDuration"; default: string; kratosKey: string }
    | { type: "choice"; default: string; choices: readonly string[] }
    /** A selection of optional features (features/selection.mjs). */
    | { type: "features" }
    | { type: "origins" }
    | { type: "providerIds" }
    | { type: "redisUrl" }
    /** An http(s) URL that turns a feature on; unset, the feature is off. */
    | { type: "optionalUrl" }
    /** Free text; `secret` keeps its value out of .env.example (a feature checks it when on). */
    | { type: "text"; default: string; secret?: true }
  );

/**
 * Read by Next.js, its server or its build, or by the bundled stacks (`readBy`), not by
 * lib/config.ts; not in .env.example.
 */
export type PlatformVariable = About & { type: "platform"; readBy: string };

export type Variable = AppVariable | PlatformVariable;

export const VARIABLES = {
  APP_URL: {
    setting: "appUrl",
    type: "url",
    required: true,
    feature: "core",
    description:
      "The app's public origin; every redirect and `return_to` is checked against it. https in production (`localhost` aside).",
    example: "http://localhost:3000",
  },
  KRATOS_PUBLIC_URL: {
    setting: "kratosPublicUrl",
    type: "url",
    required: true,
    feature: "core",
    description:
      "Kratos public API, reached only by this server: loopback or private network, never exposed.",
    example: "http://127.0.0.1:4433",
  },
  KRATOS_ADMIN_URL: {
    setting: "kratosAdminUrl",
    type: "url",
    required: true,
    feature: "core",
    description: "Kratos admin API (credentials, sessions, deletion): loopback or private network only.",
    example: "http://127.0.0.1:4434",
  },
  SESSION_SECRET: {
    setting: "sessionSecret",
    type: "secret",
    required: true,
    secret: true,
    feature: "session cache",
    description:
      "Encrypts the session-check cache cookie: 32+ random characters (`openssl rand -hex 32`), alike on every instance.",
  },
  SESSION_CACHE_TTL_SECONDS: {
    setting: "sessionCacheTtlSeconds",
    type: "integer",
    default: 30,
    min: 0,
    max: 3600,
    feature: "session cache",
    description: "Seconds a session check may be reused before Kratos is asked again; `0` asks every time.",
  },
  PRIVILEGED_SESSION_MAX_AGE: {
    setting: "privilegedSessionMaxAgeSeconds",
    type: "goDuration",
    default: "15m",
    kratosKey: "privileged_session_max_age",
    feature: "account-deletion",
    description:
      "Kratos's `privileged_session_max_age` (a Go duration): how recent a sign-in must be to delete the account. Keep equal.",
  },
  FEATURES: {
    setting: "features",
    type: "features",
    feature: "core",
    description:
      "The optional features that run: unset or `all`, `-oidc` (all but one), `none`, or a list (`oidc,elements`); see features/README.md.",
    example: "all",
  },
  KRATOS_TIMEOUT_MS: {
    setting: "kratosTimeoutMs",
    type: "integer",
    default: 5000,
    min: 100,
    max: 60000,
    feature: "core",
    description: "Timeout of each read from Kratos before the app answers 503 (submissions get 3× as long).",
  },
  ENROLLMENT_GATE: {
    setting: "enrollmentGate",
    type: "boolean",
    default: true,
    feature: "enrollment-gate",
    description:
      "After sign-in, send users without an authenticator app, security key or backup codes to set one up, once per browser.",
  },
  RETURN_TO_ALLOWED_ORIGINS: {
    setting: "returnToOrigins",
    type: "origins",
    feature: "core",
    description:
      "Extra origins a `return_to` may point at, comma separated (the app's own is always allowed).",
  },
  OIDC_PROVIDER_ORIGINS: {
    setting: "oidcProviderOrigins",
    type: "origins",
    feature: "oidc",
    description:
      "OIDC providers' sign-in origins, comma separated (`https://accounts.google.com`): the CSP's `form-action` allows them.",
  },
  OIDC_MAILBOX_PROVIDERS: {
    setting: "mailboxProviders",
    type: "providerIds",
    feature: "oidc",
    description:
      "Kratos ids of OIDC providers that host the user's mailbox (`google,microsoft`): their sign-in counts as the inbox.",
  },
  HYDRA_ADMIN_URL: {
    setting: "hydraAdminUrl",
    type: "optionalUrl",
    feature: "hydra",
    description:
      "Ory Hydra's admin API (loopback only): the app is Hydra's login, consent and logout UI (`/oauth2/`). Unset: 404.",
    example: "http://127.0.0.1:4445",
  },
  NOTIFY_WEBHOOK_SECRET: {
    setting: "notifyWebhookSecret",
    type: "text",
    default: "",
    secret: true,
    feature: "notifications",
    description:
      "The secret Kratos's after-hooks send (`Authorization: Bearer …`) to `/api/hooks/security-event`: 32+ random characters, the same in Kratos's `web_hook` config. Required while the feature is on.",
  },
  NOTIFY_SMTP_URL: {
    setting: "notifySmtpUrl",
    type: "text",
    default: "",
    secret: true,
    feature: "notifications",
    description:
      "Where security notifications are sent: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. Required while the feature is on.",
    example: "smtp://127.0.0.1:1025",
  },
  NOTIFY_MAIL_FROM: {
    setting: "notifyMailFrom",
    type: "text",
    default: "",
    feature: "notifications",
    description:
      "The notifications' sender (`Name <address>`). Unset: the brand's mail sender (brand/brand.mjs).",
  },
  NOTIFY_PLACE_HEADER: {
    setting: "notifyPlaceHeader",
    type: "text",
    default: "",
    feature: "notifications",
    description:
      "A request header a trusted proxy sets to the client's place (`cf-ipcountry`); shown in the mails of the app's own events. Unset: no place, the IP address only.",
  },
  UI_KIT: {
    setting: "uiKit",
    type: "choice",
    default: "ui",
    choices: ["ui", "elements"],
    feature: "elements",
    description:
      "`ui` (the app's own pages) or `elements` (Ory Elements under `/elements`; Kratos's `ui_url`s must point there too).",
  },
  SUPPORT_CONTACT: {
    setting: "supportContact",
    type: "text",
    default: "your administrator",
    feature: "core",
    description: 'Shown on the "no second factor left" page: how to reach a human.',
    example: "support@example.com",
  },
  RATE_LIMITS: {
    setting: "rateLimits",
    type: "boolean",
    default: true,
    feature: "rate limits",
    description:
      "Limit sign-in attempts (10 per account / 5 min) and emails (5 per address / 15 min); rules in `lib/policy/rateLimitRules.ts`.",
  },
  REDIS_URL: {
    setting: "redisUrl",
    type: "redisUrl",
    feature: "rate limits",
    description:
      "`redis://` or `rediss://`; shares rate-limit counters and revocations between instances. Unset: in memory (one instance).",
  },
  TRUST_PROXY: {
    setting: "trustProxy",
    type: "boolean",
    default: false,
    feature: "rate limits",
    description:
      "Take the client address from `X-Forwarded-For` (only behind a proxy that overwrites it): adds the per-address limit.",
  },
  NODE_ENV: {
    type: "platform",
    readBy: "Next.js",
    feature: "runtime",
    description:
      "`production` under `next start` and `server.js`: `APP_URL` must then be https, and the CSP drops what `next dev` needs.",
  },
  PORT: {
    type: "platform",
    readBy: "the standalone server",
    feature: "runtime",
    description: "The port `node server.js` listens on (`next start` takes `-p`).",
  },
  HOSTNAME: {
    type: "platform",
    readBy: "the standalone server",
    feature: "runtime",
    description: "The address `node server.js` listens on (`next start` takes `-H`).",
  },
  LOGIN_STYLE: {
    type: "platform",
    readBy: "the bundled stacks (`scripts/profiles.mjs`)",
    feature: "core",
    description:
      "Kratos's `selfservice.flows.login.style` for the stacks: `unified` (one form; dev and test) or `identifier_first` (the email, then its methods; the cluster). The app follows whatever Kratos sends.",
  },
  NEXT_DIST_DIR: {
    type: "platform",
    readBy: "next.config.ts",
    feature: "build",
    description: "The build's folder (default `.next`): the scripts give each stack its own.",
  },
  NEXT_OUTPUT: {
    type: "platform",
    readBy: "next.config.ts",
    feature: "build",
    description: "`standalone` builds the self-contained server (`npm run build:standalone`).",
  },
} as const satisfies Record<string, Variable>;

export type VariableName = keyof typeof VARIABLES;

export type AppVariableName = {
  [K in VariableName]: (typeof VARIABLES)[K] extends AppVariable ? K : never;
}[VariableName];

/** The variables as a list, in the table's order. */
export const VARIABLE_LIST: readonly (Variable & { name: VariableName })[] = Object.entries(VARIABLES).map(
  ([name, v]) => ({ name: name as VariableName, ...v }),
);

export function isAppVariable<V extends Variable>(v: V): v is V & AppVariable {
  return v.type !== "platform";
}

/** The default as the environment would spell it, or undefined when there is none. */
export function defaultText(v: Variable): string | undefined {
  return "default" in v ? String(v.default) : undefined;
}

export const isRequired = (v: Variable): boolean => "required" in v && v.required;
export const isSecret = (v: Variable): boolean => "secret" in v && v.secret === true;
