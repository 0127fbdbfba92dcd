// The app's runtime configuration: one typed, validated place. Read lazily (first request or
// instrumentation at start), never at build time, so `next build` needs no secrets.
import { DEFAULT_FACTOR_POLICY, type FactorPolicy } from "@/lib/policy/factors";

export interface AppConfig {
  /** The app's public origin, e.g. https://auth.example.com. Every redirect is checked against it. */
  appUrl: URL;
  /** Kratos public API; reached only from this server (loopback or private network). */
  kratosPublicUrl: URL;
  /** Kratos admin API; used server-side to read which credentials an identity has. */
  kratosAdminUrl: URL;
  /** Encrypts the iron-session cookie that caches session checks. */
  sessionSecret: string;
  /** How long a session check may be reused before Kratos is asked again; 0 disables the cache. */
  sessionCacheTtlSeconds: number;
  /**
   * Kratos's `selfservice.flows.settings.privileged_session_max_age`, in seconds: how recent a
   * sign-in must be for account deletion (the bar Kratos sets for settings).
   */
  privilegedSessionMaxAgeSeconds: number;
  /** Timeout for every call to Kratos before the app answers 503. */
  kratosTimeoutMs: number;
  /** Send users without an independent second factor to set one up after sign-in. */
  enrollmentGate: boolean;
  /** Extra origins a `return_to` may point at (the app's own origin is always allowed). */
  returnToOrigins: string[];
  /**
   * Origins of the OIDC providers' sign-in pages: Kratos answers a sign-in form with a redirect
   * there, and browsers check the CSP's form-action on redirects too.
   */
  oidcProviderOrigins: string[];
  /** The factor policy, with the OIDC providers that may host the user's mailbox. */
  factorPolicy: FactorPolicy;
  /** Shown on the dead-end page: how to reach a human. */
  supportContact: string;
  /** Set the Secure flag on the app's own cookies (true whenever APP_URL is https). */
  secureCookies: boolean;
  /** Rate-limit sign-in attempts and emails sent (lib/policy/rateLimitRules.ts). */
  rateLimits: boolean;
  /** Share rate-limit counters between instances through Redis. */
  redisUrl?: string;
  /** Trust X-Forwarded-For as the client address (only behind a reverse proxy that sets it). */
  trustProxy: boolean;
  /** Which pages render the flows: the app's own (`ui`) or Ory Elements (`elements`, under /elements). */
  uiKit: UiKit;
}

export const UI_KITS = ["ui", "elements"] as const;
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

type Env = Record<string, string | undefined>;

/** The default of PRIVILEGED_SESSION_MAX_AGE: kratos/kratos.yml's value (a unit test keeps them equal). */
export const DEFAULT_PRIVILEGED_SESSION_MAX_AGE = "15m";

/** Seconds in a Go duration made of hours, minutes and seconds ("15m", "1h30m", "900s"); null otherwise. */
export function goDurationSeconds(value: string): number | null {
  if (!/^(?:\d+[hms])+$/.test(value)) return null;
  const unit = { h: 3600, m: 60, s: 1 } as const;
  let total = 0;
  for (const [, n, u] of value.matchAll(/(\d+)([hms])/g)) total += Number(n) * unit[u as keyof typeof unit];
  return total;
}

function parseUrl(env: Env, name: string, problems: string[], required = true): URL | undefined {
  const raw = env[name]?.trim();
  if (!raw) {
    if (required) problems.push(`${name} is missing`);
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

function parseInteger(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return n;
}

function parseBoolean(env: Env, name: string, fallback: boolean, problems: string[]) {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

const list = (raw: string | undefined) =>
  (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function parseOrigins(env: Env, name: string, problems: string[]): string[] {
  const out: string[] = [];
  for (const raw of list(env[name])) {
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

/** Parses and validates the environment; throws ConfigError listing every problem at once. */
export function parseConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const appUrl = parseUrl(env, "APP_URL", problems);
  const kratosPublicUrl = parseUrl(env, "KRATOS_PUBLIC_URL", problems);
  const kratosAdminUrl = parseUrl(env, "KRATOS_ADMIN_URL", problems);

  const sessionSecret = env.SESSION_SECRET ?? "";
  if (!sessionSecret)
    problems.push("SESSION_SECRET is missing (32+ random characters, e.g. `openssl rand -hex 32`)");
  else {
    const weak = secretWeakness(sessionSecret);
    if (weak) problems.push(`SESSION_SECRET ${weak}`);
  }

  const returnToOrigins = parseOrigins(env, "RETURN_TO_ALLOWED_ORIGINS", problems);
  const oidcProviderOrigins = parseOrigins(env, "OIDC_PROVIDER_ORIGINS", problems);
  const mailboxProviders = list(env.OIDC_MAILBOX_PROVIDERS);
  const badProvider = mailboxProviders.find((p) => !/^[A-Za-z0-9_-]{1,64}$/.test(p));
  if (badProvider !== undefined)
    problems.push(`OIDC_MAILBOX_PROVIDERS has an entry that is not a Kratos provider id: "${badProvider}"`);

  const production = env.NODE_ENV === "production";
  if (
    production &&
    appUrl &&
    appUrl.protocol !== "https:" &&
    !["localhost", "127.0.0.1"].includes(appUrl.hostname)
  ) {
    problems.push("APP_URL must be https in production (cookies would travel in clear text)");
  }

  const sessionCacheTtlSeconds = parseInteger(env, "SESSION_CACHE_TTL_SECONDS", 30, 0, 3600, problems);
  const kratosTimeoutMs = parseInteger(env, "KRATOS_TIMEOUT_MS", 5000, 100, 60000, problems);
  const privilegedRaw = env.PRIVILEGED_SESSION_MAX_AGE?.trim() || DEFAULT_PRIVILEGED_SESSION_MAX_AGE;
  const privilegedSessionMaxAgeSeconds = goDurationSeconds(privilegedRaw) ?? 0;
  if (privilegedSessionMaxAgeSeconds <= 0)
    problems.push(
      `PRIVILEGED_SESSION_MAX_AGE must be a Go duration such as 15m or 1h (Kratos's privileged_session_max_age), got "${privilegedRaw}"`,
    );
  const enrollmentGate = parseBoolean(env, "ENROLLMENT_GATE", true, problems);
  const rateLimits = parseBoolean(env, "RATE_LIMITS", true, problems);
  const trustProxy = parseBoolean(env, "TRUST_PROXY", false, problems);
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl))
    problems.push(`REDIS_URL must start with redis:// or rediss://, got "${redisUrl}"`);

  const uiKitRaw = env.UI_KIT?.trim().toLowerCase() || "ui";
  const uiKit = UI_KITS.find((k) => k === uiKitRaw);
  if (!uiKit) problems.push(`UI_KIT must be ${UI_KITS.join(" or ")}, got "${uiKitRaw}"`);

  if (problems.length > 0 || !uiKit || !appUrl || !kratosPublicUrl || !kratosAdminUrl)
    throw new ConfigError(problems);
  return {
    appUrl,
    kratosPublicUrl,
    kratosAdminUrl,
    sessionSecret,
    sessionCacheTtlSeconds,
    privilegedSessionMaxAgeSeconds,
    kratosTimeoutMs,
    enrollmentGate,
    returnToOrigins,
    oidcProviderOrigins,
    factorPolicy: { ...DEFAULT_FACTOR_POLICY, mailboxProviders },
    supportContact: env.SUPPORT_CONTACT?.trim() || "your administrator",
    secureCookies: appUrl.protocol === "https:",
    rateLimits,
    redisUrl,
    trustProxy,
    uiKit,
  };
}

let cached: AppConfig | undefined;

/** The process-wide configuration (validated once). */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
