// The BFF: forwards browser and app-client calls to Kratos public, which is never exposed
// itself. One route table (lib/policy/bffRoutes.ts) says what is served and which checks run;
// a submission is parsed once (lib/policy/submission.ts), checked, and forwarded re-encoded
// by the BFF, so Kratos acts on exactly what the checks judged. Redirects are passed back,
// not followed, and every Set-Cookie survives.
// Its dependencies (configuration, Kratos, the session lookup, the rate limiter, revocations)
// come in as arguments: app/api/kratos/[...path]/route.ts wires the real ones, and
// lib/bff/handler.test.ts fakes them.
import type { NextRequest } from "next/server";
import type { FactorPolicy } from "@/lib/policy/factors";
import { guardLoginSubmission, isCodeSubmission } from "@/lib/policy/factors";
import type { CallInit } from "@/lib/kratos/client";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { isNoticeId, NOTICES, type NoticeId } from "@/lib/http/notices";
import { parseMediaType } from "@/lib/policy/mediaType";
import { matchBffRoute, type MethodRule, type BffCheck } from "@/lib/policy/bffRoutes";
import { forwardRequestHeaders, returnedResponseHeaders } from "@/lib/bff/headers";
import {
  encodeSubmission,
  field,
  readFormFields,
  readSubmission,
  type Submission,
} from "@/lib/policy/submission";
import { jsonError } from "@/lib/http/jsonError";
import { BFF_PREFIX, loginPath, withNotice } from "@/lib/http/paths";
import type { RateLimitResult } from "@/lib/bff/rateLimiter";
import { clientIpOf, rateLimitKeys, type BucketKey } from "@/lib/policy/rateLimitRules";
import { resolveCredential, type Credential } from "@/lib/policy/credential";
import { sameOriginPath } from "@/lib/policy/returnTo";
import {
  postedGroup,
  SETTINGS_PATH,
  sectionOfGroup,
  sectionReturnLocation,
} from "@/lib/policy/settingsSections";
import { clearCacheCookieHeader } from "@/lib/session/cache";
import { amrOf } from "@/lib/session/facts";
import type { SessionLookup, SettingsVerdict } from "@/lib/session/lookup";
import { unavailableResponse, wantsJson } from "@/lib/http/unavailable";
import { withStaticSecurityHeaders } from "@/lib/http/securityHeaders";
import { localeOfHeaders } from "@/lib/i18n/locales";

export const MAX_BODY_BYTES = 64 * 1024;

export interface BffDeps {
  /** The app's origin: where refused browsers are sent back to, and the only Referer a retry follows. */
  appUrl: URL;
  /** Whether `X-Forwarded-For` names the client (a reverse proxy in front: TRUST_PROXY). */
  trustProxy: boolean;
  factorPolicy: FactorPolicy;
  /** HSTS, and the Secure flag of the cookies the BFF clears. */
  secureCookies: boolean;
  /** Kratos public (throws KratosUnavailableError when it does not answer). */
  forwardToPublic: (path: string, search: string, init: CallInit) => Promise<Response>;
  /** The session behind a credential, as Kratos sees it. */
  lookupSession: (credential: Credential) => Promise<SessionLookup>;
  /** The settings guard's judgement of a session. */
  settingsVerdict: (lookup: SessionLookup) => Promise<SettingsVerdict>;
  /** Takes one point from each bucket. */
  consume: (keys: readonly BucketKey[]) => Promise<RateLimitResult>;
  /** Marks sessions revoked for every session-check cache. */
  markRevoked: (sessionIds: readonly string[]) => Promise<void>;
  /** One line per refusal. */
  warn: (line: string) => void;
}

interface Refusal {
  status: number;
  id: string;
  message: string;
  /** Where a browser goes instead (a flow page with a notice); API clients always get JSON. */
  backTo?: string;
  headers?: Record<string, string>;
}

function refuse(deps: BffDeps, req: NextRequest, r: Refusal, credential?: Credential): Response {
  deps.warn(`[bff] ${r.status} ${req.method} ${JSON.stringify(req.nextUrl.pathname)}: ${r.id}`);
  if (!r.backTo || wantsJson(req.headers) || credential?.type === "token") {
    return jsonError(r.status, r.id, r.message, r.headers);
  }
  const location = new URL(r.backTo, deps.appUrl).href;
  return new Response(null, { status: 303, headers: { ...r.headers, location } });
}

/** The flow page a submission came from, with a notice; undefined without a flow id. */
function flowPage(req: NextRequest, path: string, notice: NoticeId): string | undefined {
  const flowId = req.nextUrl.searchParams.get("flow");
  const flow = path.split("/")[1];
  return flowId ? `/${flow}?flow=${encodeURIComponent(flowId)}&notice=${notice}` : undefined;
}

interface CheckContext {
  deps: BffDeps;
  req: NextRequest;
  path: string;
  rule: MethodRule;
  /** The canonical submission (empty for reads). */
  submission: Submission;
  /** The request's one credential: the only one forwarded, and the only one the checks judge. */
  credential: Credential;
  /** Its session as Kratos sees it, asked once per request. */
  session: () => Promise<SessionLookup>;
}

/** A guarded request whose credential Kratos does not accept: refused, never read as "no session". */
function refuseRejected(
  deps: BffDeps,
  req: NextRequest,
  credential: Credential,
  returnTo?: string,
): Response {
  return refuse(
    deps,
    req,
    {
      status: 401,
      id: "session_invalid",
      message: "The session this request carries is not valid (ended or unknown). Sign in again.",
      backTo: loginPath({ returnTo, notice: "signed_out" }),
    },
    credential,
  );
}

/** Rate limits (lib/policy/rateLimitRules.ts): a refused submission never reaches Kratos. */
async function rateLimit({
  deps,
  req,
  path,
  rule,
  submission,
  credential,
  session,
}: CheckContext): Promise<Response | null> {
  // The identity counts only when Kratos accepts the credential: a credential it rejects leaves
  // Kratos with no session, so the submission is a first-factor one, counted per identifier.
  const lookup = rule.rateLimit?.account ? await session() : undefined;
  const result = await deps.consume(
    rateLimitKeys(rule.rateLimit ?? {}, submission, {
      clientIp: clientIpOf(req.headers, deps.trustProxy),
      identityId: lookup?.type === "active" ? lookup.session.identity?.id : undefined,
      flowId: req.nextUrl.searchParams.get("flow") ?? undefined,
    }),
  );
  if (!result.limited) return null;
  return refuse(
    deps,
    req,
    {
      status: 429,
      id: "rate_limited",
      message: NOTICES.too_many_attempts,
      backTo: flowPage(req, path, "too_many_attempts"),
      headers: { "retry-after": String(result.retryAfterSeconds) },
    },
    credential,
  );
}

/**
 * The factor guard: an aal2 email-code submission from a session whose first factor came
 * from the same inbox is answered here and never reaches Kratos.
 */
async function factorGuard({
  deps,
  req,
  path,
  submission,
  credential,
  session,
}: CheckContext): Promise<Response | null> {
  if (!isCodeSubmission(submission)) return null;
  const lookup = await session();
  if (lookup.type === "rejected") return refuseRejected(deps, req, credential);
  const amr = lookup.type === "active" ? amrOf(lookup.session) : null;
  if (guardLoginSubmission(submission, amr, deps.factorPolicy).allowed) return null;
  return refuse(
    deps,
    req,
    {
      status: 403,
      id: "second_factor_same_channel",
      message: NOTICES.inbox_second_factor,
      backTo: flowPage(req, path, "inbox_second_factor"),
    },
    credential,
  );
}

/** The settings guard (lib/session/lookup.ts) on Kratos's settings endpoints. */
async function settingsGuard({
  deps,
  req,
  credential,
  session,
  submission,
}: CheckContext): Promise<Response | null> {
  const verdict = await deps.settingsVerdict(await session());
  // Back to the section the form was in (its method's), after signing in again.
  const section = sectionOfGroup(settingsGroup(submission) ?? "")?.path ?? SETTINGS_PATH;
  const settings = new URL(section, deps.appUrl).href;
  if (verdict.type === "rejected") return refuseRejected(deps, req, credential, settings);
  if (verdict.type !== "step_up") return null;
  return refuse(
    deps,
    req,
    {
      status: 403,
      id: "session_aal2_required",
      message: "Settings need a second factor (step up to aal2).",
      backTo: loginPath({ aal: "aal2", refresh: verdict.refresh, returnTo: settings }),
    },
    credential,
  );
}

const CHECKS: Record<BffCheck, (c: CheckContext) => Promise<Response | null>> = {
  settings_guard: settingsGuard,
  rate_limit: rateLimit,
  factor_guard: factorGuard,
};

/** The request body, or null when it is larger than MAX_BODY_BYTES (never buffered past it). */
async function readCappedBody(req: NextRequest): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) body.set(c, (at += c.byteLength) - c.byteLength);
  return body;
}

type BodyResult = { submission: Submission } | { refusal: Refusal };

/** Reads and parses a submission body: size, media type and syntax are refused with 413/415/400. */
async function readBodySubmission(req: NextRequest): Promise<BodyResult> {
  const tooLarge: Refusal = {
    status: 413,
    id: "payload_too_large",
    message: `The body is larger than ${MAX_BODY_BYTES} bytes.`,
  };
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return { refusal: tooLarge };
  const media = parseMediaType(req.headers.get("content-type"));
  if (!media.ok)
    return { refusal: { status: media.status, id: "unsupported_media_type", message: media.message } };
  const bytes = await readCappedBody(req);
  if (!bytes) return { refusal: tooLarge };
  const read = readSubmission(media.type, bytes);
  if (!read.ok) return { refusal: { status: read.status, id: "bad_request", message: read.message } };
  return { submission: read.submission };
}

/** The settings group a submission is for (lib/policy/settingsSections.ts). */
function settingsGroup(submission: Submission): string | undefined {
  const names = submission instanceof URLSearchParams ? [...submission.keys()] : Object.keys(submission);
  return postedGroup(field(submission, "method"), names);
}

const OIDC_CALLBACK = "self-service/methods/oidc/callback/";

/** Kratos answers these with its one settings UI URL, which the app sends to a section instead. */
function isSettingsReturn(path: string): boolean {
  return (
    path === "self-service/settings" ||
    path === "self-service/settings/browser" ||
    path.startsWith(OIDC_CALLBACK)
  );
}

export type BffHandler = (req: NextRequest, segments: string[]) => Promise<Response>;

/**
 * The BFF's answer to one request. proxy.ts does not run on the BFF's paths (it would only add
 * headers, at a cost the benchmarks show), so every answer gets its security headers here.
 */
export function createBffHandler(deps: BffDeps): BffHandler {
  return async (req, segments) =>
    withStaticSecurityHeaders(await answer(deps, req, segments), deps.secureCookies);
}

async function answer(deps: BffDeps, req: NextRequest, segments: string[]): Promise<Response> {
  const match = matchBffRoute(segments.join("/"), req.method);
  if (match.type === "not_found")
    return refuse(deps, req, { status: 404, id: "not_found", message: "Not found" });
  if (match.type === "method_not_allowed") {
    return refuse(deps, req, {
      status: 405,
      id: "method_not_allowed",
      message: `Allowed methods: ${match.allow}.`,
      headers: { allow: match.allow },
    });
  }
  const { path, rule } = match;
  // One credential per request (lib/policy/credential.ts): checked before anything else is read.
  const resolved = resolveCredential(req.headers);
  if (!resolved.ok) return refuse(deps, req, { status: 400, id: resolved.reason, message: resolved.message });
  const { credential } = resolved;
  let lookup: Promise<SessionLookup> | undefined;
  const session = () => (lookup ??= deps.lookupSession(credential));
  // After a failed submission, retry from the page the form was on (same origin only).
  const retryPath =
    req.method === "GET"
      ? `${req.nextUrl.pathname}${req.nextUrl.search}`
      : sameOriginPath(req.headers.get("referer"), deps.appUrl.origin);
  // `notice` is the app's own parameter (a message to show on the new flow): keep it from
  // Kratos and put it back on the redirect to the flow page.
  const query = new URLSearchParams(req.nextUrl.search);
  const notice = query.get("notice");
  query.delete("notice");
  // `section` is the app's too: the settings section page that started a new settings flow.
  const section = query.get("section") ?? undefined;
  query.delete("section");

  try {
    let submission: Submission = new URLSearchParams();
    let forwardQuery = query;
    let body: { contentType: string; body: string } | undefined;
    if (rule.submission === "body") {
      const read = await readBodySubmission(req);
      if ("refusal" in read) return refuse(deps, req, read.refusal, credential);
      submission = read.submission;
      body = encodeSubmission(submission);
      // The form's action carries only the flow id; Kratos reads nothing else from it.
      const flow = query.get("flow");
      forwardQuery = new URLSearchParams(flow === null ? {} : { flow });
    } else if (rule.submission === "query") {
      const read = readFormFields(query);
      if (!read.ok)
        return refuse(deps, req, { status: read.status, id: "bad_request", message: read.message });
      submission = forwardQuery = read.submission;
    }
    for (const check of rule.checks) {
      const refused = await CHECKS[check]({ deps, req, path, rule, submission, credential, session });
      if (refused) return refused;
    }
    // Signing out: the session is asked for before Kratos ends it, to mark it revoked afterwards.
    const endingSession = rule.endsSession ? await session() : undefined;

    const headers = forwardRequestHeaders(req.headers, resolved, {
      clientIp: clientIpOf(req.headers, deps.trustProxy),
    });
    if (body) headers.set("content-type", body.contentType);
    const upstream = await deps.forwardToPublic(path, forwardQuery.size ? `?${forwardQuery}` : "", {
      method: req.method,
      headers,
      body: body?.body,
    });
    const out = returnedResponseHeaders(upstream.headers);
    if (out.has("location") && isSettingsReturn(path)) {
      out.set(
        "location",
        sectionReturnLocation(out.get("location")!, {
          appOrigin: deps.appUrl.origin,
          bffPrefix: BFF_PREFIX,
          method: path === "self-service/settings" ? settingsGroup(submission) : undefined,
          oidcCallback: path.startsWith(OIDC_CALLBACK),
          section: path === "self-service/settings/browser" ? section : undefined,
        }),
      );
    }
    const location = out.get("location");
    if (notice && isNoticeId(notice) && location && path.endsWith("/browser")) {
      out.set("location", withNotice(location, notice));
    }
    if (rule.clearsSessionCache) out.append("set-cookie", clearCacheCookieHeader(deps.secureCookies));
    if (endingSession?.type === "active") await deps.markRevoked([endingSession.session.id]);
    return new Response(upstream.body, { status: upstream.status, headers: out });
  } catch (err) {
    if (err instanceof KratosUnavailableError)
      return unavailableResponse(retryPath, wantsJson(req.headers), localeOfHeaders(req.headers));
    throw err;
  }
}
