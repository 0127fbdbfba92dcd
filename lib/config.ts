// The app's runtime configuration: one typed, validated place. Every variable is declared once in
// lib/envVariables.ts; this module parses them by their declared type and derives the settings.
// Read lazily (first request or instrumentation at start), never at build time, so `next build`
// needs no secrets.
import {
  VARIABLES,
  VARIABLE_LIST,
  isAppVariable,
  isRequired,
  type AppVariable,
  type AppVariableName,
  type VariableName,
} from "@/lib/envVariables";
import { DEFAULT_FACTOR_POLICY, type FactorPolicy } from "@/lib/policy/factors";
import { FEATURE_NAMES, selectFeatures, type FeatureName } from "@/features/selection.mjs";

export const UI_KITS = VARIABLES.UI_KIT.choices;
export type UiKit = (typeof UI_KITS)[number];

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
    this.name = "ConfigError";
  }
}

const WEAK_SECRETS = new Set(["changeme", "secret", "password", "please-change-me", "development"]);

/** Why a secret is weak, or null when it is acceptable. */
export function secretWeakness(value: string): string | null {
  if (value.length < 32) return `is ${value.length} characters; at least 32 are required`;
  const lower = value.toLowerCase();
  if ([...WEAK_SECRETS].some((w) => lower.includes(w))) return "contains a well-known placeholder";
  if (new Set(value).size < 10) return "repeats too few distinct characters to be random";
  return null;
}

/** The environment, as far as the app reads it: only declared names. */
type Env = Readonly<Partial<Record<VariableName, string>>>;

/** The default of PRIVILEGED_SESSION_MAX_AGE: kratos/kratos.yml's value (a unit test keeps them equal). */
export const DEFAULT_PRIVILEGED_SESSION_MAX_AGE = VARIABLES.PRIVILEGED_SESSION_MAX_AGE.default;

/** Seconds in a Go duration made of hours, minutes and seconds ("15m", "1h30m", "900s"); null otherwise. */
export function goDurationSeconds(value: string): number | null {
  if (!/^(?:\d+[hms])+$/.test(value)) return null;
  const unit = { h: 3600, m: 60, s: 1 } as const;
  let total = 0;
  for (const [, n, u] of value.matchAll(/(\d+)([hms])/g)) total += Number(n) * unit[u as keyof typeof unit];
  return total;
}

const list = (raw: string | undefined) =>
  (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

// One parser per declared type. Each names its problems and returns the default (or nothing, for a
// required variable) in place of a value it refuses, so that every problem is found in one pass.
type Spec<T extends AppVariable["type"]> = Extract<AppVariable, { type: T }>;

function parseUrl(name: string, value: string | undefined, problems: string[]): URL | undefined {
  const raw = value?.trim();
  if (!raw) {
    problems.push(`${name} is missing`);
    return undefined;
  }
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      problems.push(`${name} must be an http(s) URL, got "${raw}"`);
      return undefined;
    }
    return url;
  } catch {
    problems.push(`${name} is not a valid URL: "${raw}"`);
    return undefined;
  }
}

// Not trimmed: spaces are characters of the secret; the problem never echoes the value.
function parseSecret(name: string, value: string | undefined, problems: string[]): string | undefined {
  if (!value) {
    problems.push(`${name} is missing (32+ random characters, e.g. \`openssl rand -hex 32\`)`);
    return undefined;
  }
  const weak = secretWeakness(value);
  if (weak) problems.push(`${name} ${weak}`);
  return value;
}

function parseInteger(name: string, value: string | undefined, spec: Spec<"integer">, problems: string[]) {
  const raw = value?.trim();
  if (!raw) return spec.default;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < spec.min || n > spec.max) {
    problems.push(`${name} must be a whole number from ${spec.min} to ${spec.max}, got "${raw}"`);
    return spec.default;
  }
  return n;
}

function parseBoolean(name: string, value: string | undefined, spec: Spec<"boolean">, problems: string[]) {
  const raw = value?.trim().toLowerCase();
  if (!raw) return spec.default;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return spec.default;
}

/** Seconds; 0 (with a problem) for anything but a positive Go duration. */
function parseGoDuration(
  name: string,
  value: string | undefined,
  spec: Spec<"goDuration">,
  problems: string[],
) {
  const raw = value?.trim() || spec.default;
  const seconds = goDurationSeconds(raw) ?? 0;
  if (seconds <= 0)
    problems.push(
      `${name} must be a Go duration such as 15m or 1h (Kratos's ${spec.kratosKey}), got "${raw}"`,
    );
  return seconds;
}

function parseChoice(name: string, value: string | undefined, spec: Spec<"choice">, problems: string[]) {
  const raw = value?.trim().toLowerCase() || spec.default;
  const choice = spec.choices.find((c) => c === raw);
  if (choice === undefined) problems.push(`${name} must be ${spec.choices.join(" or ")}, got "${raw}"`);
  return choice ?? spec.default;
}

function parseOrigins(name: string, value: string | undefined, problems: string[]): string[] {
  const out: string[] = [];
  for (const raw of list(value)) {
    try {
      const u = new URL(raw);
      if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error();
      out.push(u.origin);
    } catch {
      problems.push(`${name} has an entry that is not an http(s) origin: "${raw}"`);
    }
  }
  return out;
}

function parseProviderIds(name: string, value: string | undefined, problems: string[]): string[] {
  const ids = list(value);
  const bad = ids.find((p) => !/^[A-Za-z0-9_-]{1,64}$/.test(p));
  if (bad !== undefined) problems.push(`${name} has an entry that is not a Kratos provider id: "${bad}"`);
  return ids;
}

function parseFeatures(value: string | undefined, problems: string[]): FeatureName[] {
  const selected = selectFeatures(value);
  if (selected.ok) return selected.features;
  problems.push(selected.error);
  return [...FEATURE_NAMES];
}

function parseRedisUrl(name: string, value: string | undefined, problems: string[]): string | undefined {
  const url = value?.trim() || undefined;
  if (url && !/^rediss?:\/\//.test(url))
    problems.push(`${name} must start with redis:// or rediss://, got "${url}"`);
  return url;
}

/** What each declared type parses to. */
type ValueOf<V> = V extends { type: "url" }
  ? URL
  : V extends { type: "redisUrl" }
    ? string | undefined
    : V extends { type: "optionalUrl" }
      ? URL | undefined
      : V extends { type: "secret" | "text" }
        ? string
        : V extends { type: "integer" | "goDuration" }
          ? number
          : V extends { type: "boolean" }
            ? boolean
            : V extends { type: "choice"; choices: readonly (infer C)[] }
              ? C
              : V extends { type: "origins" | "providerIds" }
                ? string[]
                : V extends { type: "features" }
                  ? FeatureName[]
                  : never;

/** The settings the table declares: each variable's `setting`, of its type's value. */
type Settings = {
  -readonly [K in AppVariableName as (typeof VARIABLES)[K]["setting"]]: ValueOf<(typeof VARIABLES)[K]>;
};

/**
 * The app's configuration: the settings lib/envVariables.ts declares (see each variable's
 * description there), with the mailbox providers inside the factor policy.
 */
export type AppConfig = Omit<Settings, "mailboxProviders"> & {
  /** The factor policy, with the OIDC providers that may host the user's mailbox. */
  factorPolicy: FactorPolicy;
  /** Set the Secure flag on the app's own cookies (true whenever APP_URL is https). */
  secureCookies: boolean;
};

function parseVariable(name: string, value: string | undefined, spec: AppVariable, problems: string[]) {
  switch (spec.type) {
    case "url":
      return parseUrl(name, value, problems);
    case "secret":
      return parseSecret(name, value, problems);
    case "integer":
      return parseInteger(name, value, spec, problems);
    case "boolean":
      return parseBoolean(name, value, spec, problems);
    case "goDuration":
      return parseGoDuration(name, value, spec, problems);
    case "choice":
      return parseChoice(name, value, spec, problems);
    case "origins":
      return parseOrigins(name, value, problems);
    case "providerIds":
      return parseProviderIds(name, value, problems);
    case "redisUrl":
      return parseRedisUrl(name, value, problems);
    case "optionalUrl":
      return value?.trim() ? parseUrl(name, value, problems) : undefined;
    case "features":
      return parseFeatures(value, problems);
    case "text":
      return value?.trim() || spec.default;
  }
}

/** Every app variable parsed into its setting; complete when no problem was found. */
function parseSettings(env: Env, problems: string[]): Partial<Settings> {
  const settings: Record<string, unknown> = {};
  for (const spec of VARIABLE_LIST)
    if (isAppVariable(spec))
      settings[spec.setting] = parseVariable(spec.name, env[spec.name], spec, problems);
  // Each parser returns its type's ValueOf, or nothing (with a problem) for a required variable.
  return settings as Partial<Settings>;
}

/** True when every required variable has its setting (the others get theirs or their default). */
function isComplete(settings: Partial<Settings>): settings is Settings {
  const present: Partial<Record<string, unknown>> = settings;
  return VARIABLE_LIST.every(
    (spec) => !isAppVariable(spec) || !isRequired(spec) || present[spec.setting] !== undefined,
  );
}

/** The notifications feature's settings, required while it is on; never echoes a value. */
function notificationProblems(settings: Partial<Settings>): string[] {
  const problems: string[] = [];
  const secret = settings.notifyWebhookSecret ?? "";
  if (!secret)
    problems.push(
      "NOTIFY_WEBHOOK_SECRET is missing (32+ random characters, e.g. `openssl rand -hex 32`; or FEATURES=-notifications)",
    );
  else {
    const weak = secretWeakness(secret);
    if (weak) problems.push(`NOTIFY_WEBHOOK_SECRET ${weak}`);
  }
  const smtp = settings.notifySmtpUrl?.trim() ?? "";
  let protocol = "";
  try {
    protocol = smtp ? new URL(smtp).protocol : "";
  } catch {
    protocol = "invalid";
  }
  if (protocol !== "smtp:" && protocol !== "smtps:")
    problems.push(
      smtp
        ? "NOTIFY_SMTP_URL must be an smtp:// or smtps:// URL"
        : "NOTIFY_SMTP_URL is missing (the SMTP server for security notifications; or FEATURES=-notifications)",
    );
  return problems;
}

/** Parses and validates the environment; throws ConfigError listing every problem at once. */
export function parseConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const settings = parseSettings(env, problems);
  const { appUrl } = settings;
  if (
    env.NODE_ENV === "production" &&
    appUrl &&
    appUrl.protocol !== "https:" &&
    !["localhost", "127.0.0.1"].includes(appUrl.hostname)
  ) {
    problems.push("APP_URL must be https in production (cookies would travel in clear text)");
  }
  const on = (f: FeatureName) => settings.features?.includes(f) ?? true;
  if (settings.uiKit === "elements" && !on("elements"))
    problems.push(
      'UI_KIT is "elements" but FEATURES turns elements off: set UI_KIT=ui or add elements to FEATURES',
    );
  if (on("notifications")) problems.push(...notificationProblems(settings));
  if (problems.length > 0 || !isComplete(settings)) throw new ConfigError(problems);

  // A feature's settings mean nothing while it is off: no provider origin in the CSP, no
  // provider sign-in standing for the inbox.
  const { mailboxProviders, oidcProviderOrigins, enrollmentGate, ...rest } = settings;
  return {
    ...rest,
    enrollmentGate: enrollmentGate && on("enrollment-gate"),
    oidcProviderOrigins: on("oidc") ? oidcProviderOrigins : [],
    factorPolicy: { ...DEFAULT_FACTOR_POLICY, mailboxProviders: on("oidc") ? mailboxProviders : [] },
    secureCookies: settings.appUrl.protocol === "https:",
  };
}

let cached: AppConfig | undefined;

/** The process-wide configuration (validated once). */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
