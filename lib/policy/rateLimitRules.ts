// Which rate-limit buckets a self-service submission draws from. Pure. Kratos (open source)
// has no rate limits of its own, so the BFF keeps password, TOTP and code guessing slow
// and stops anyone from flooding an inbox with recovery or verification emails.
import type { RateLimitRule } from "@/lib/policy/bffRoutes";
import { spelledAsKratos } from "@/lib/policy/identifierSpelling";
import { field, type Submission } from "@/lib/policy/submission";

export type Bucket = "account" | "flow" | "address" | "ip";

export const RATE_LIMITS: Record<Bucket, { points: number; durationSeconds: number }> = {
  /** Sign-in attempts per account: per identifier, and per identity for second-factor and refresh steps. */
  account: { points: 10, durationSeconds: 300 },
  /**
   * Sign-in attempts per login flow. A flow lives 10 minutes (kratos/kratos.yml
   * `selfservice.flows.login.lifespan`), so this caps each flow for its whole life.
   */
  flow: { points: 10, durationSeconds: 600 },
  /** Recovery and verification emails per address. */
  address: { points: 5, durationSeconds: 900 },
  /** All submissions per client address (only when a trusted reverse proxy says who the client is). */
  ip: { points: 300, durationSeconds: 60 },
};

export interface BucketKey {
  bucket: Bucket;
  key: string;
}

export interface SubmissionContext {
  clientIp?: string;
  /**
   * The identity of the request's session: its one credential (lib/policy/credential.ts), as
   * Kratos accepted it. Absent without a session, or when Kratos rejects the credential.
   */
  identityId?: string;
  /** The flow the submission is for (the `flow` query parameter). */
  flowId?: string;
}

/**
 * The buckets a submission draws from, under its route's rule. Keys come from the canonical
 * submission (lib/policy/submission.ts), so every encoding of one sign-in counts alike, and an
 * identifier or address is keyed as Kratos looks it up, so every spelling of one account does.
 */
export function rateLimitKeys(rule: RateLimitRule, s: Submission, ctx: SubmissionContext): BucketKey[] {
  const keys: BucketKey[] = [];
  if (ctx.clientIp) keys.push({ bucket: "ip", key: ctx.clientIp });
  if (rule.account) {
    // Kratos's password method falls back to the legacy `password_identifier` when `identifier` is empty.
    const identifier = spelledAsKratos(field(s, "identifier") || field(s, "password_identifier") || "");
    if (identifier) keys.push({ bucket: "account", key: `id:${identifier}` });
    // With a session, Kratos continues that session's sign-in (refresh or aal2,
    // selfservice/flow/login/handler.go:820-838): TOTP, backup codes, keys and email codes then
    // prove that identity whatever the body says, so they count against it. The identifier
    // above still counts too: a password at refresh is checked against it
    // (selfservice/strategy/password/login.go:80-81).
    if (ctx.identityId) keys.push({ bucket: "account", key: `identity:${ctx.identityId}` });
  }
  if (rule.flow && ctx.flowId) keys.push({ bucket: "flow", key: ctx.flowId });
  if (rule.address) {
    const email = spelledAsKratos(field(s, "email") ?? "");
    if (email) keys.push({ bucket: "address", key: email });
  }
  return keys;
}

/** The client's address from X-Forwarded-For, trusted only behind a reverse proxy that sets it. */
export function clientIpOf(headers: Headers, trustProxy: boolean): string | undefined {
  if (!trustProxy) return undefined;
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first || undefined;
}
