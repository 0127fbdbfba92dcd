// The BFF proxy: forwards browser and app-client calls to Kratos public, which is never
// exposed itself. Redirects are passed back, not followed, and every Set-Cookie survives.
// Before forwarding: rate limits on submissions, the factor guard on login submissions and
// the app's own AAL check on settings (lib/factorPolicy.ts, lib/accessDecision.ts).
import "server-only";
import type { NextRequest } from "next/server";
import { decideAccess } from "@/lib/accessDecision";
import { getConfig } from "@/lib/config";
import { guardLoginSubmission, isCodeSubmission } from "@/lib/factorPolicy";
import { forwardToPublic, whoami } from "@/lib/kratos/client";
import { isNoticeId, KratosUnavailableError, NOTICES, type NoticeId } from "@/lib/kratos/errors";
import { parseFormBody, type ParsedForm } from "@/lib/kratos/formBody";
import { forwardRequestHeaders, isAllowedKratosPath, returnedResponseHeaders } from "@/lib/kratos/proxyRules";
import { jsonError } from "@/lib/jsonError";
import { loginPath, withNotice } from "@/lib/paths";
import { consume } from "@/lib/rateLimit";
import { clientIpOf, rateLimitKeys } from "@/lib/rateLimitRules";
import { sessionTokenOf } from "@/lib/routePolicy";
import { bindingOf, clearCacheCookieHeader, KRATOS_SESSION_COOKIE } from "@/lib/sessionCache";
import { factsOf } from "@/lib/sessionState";
import { unavailableResponse, wantsJson } from "@/lib/unavailablePage";

const MAX_BODY_BYTES = 64 * 1024;

// Submissions that can change who is signed in or how: the session cache must not outlive them.
const SESSION_CHANGING = /^self-service\/(login|registration|recovery|settings|logout)(\/api)?$/;

interface Refusal {
  status: number;
  id: string;
  message: string;
  /** Where a browser goes instead (a flow page with a notice); API clients always get JSON. */
  backTo?: string;
  headers?: Record<string, string>;
}

function refuse(req: NextRequest, r: Refusal): Response {
  if (!r.backTo || wantsJson(req.headers) || sessionTokenOf(req.headers)) {
    return jsonError(r.status, r.id, r.message, r.headers);
  }
  const location = new URL(r.backTo, getConfig().appUrl).href;
  return new Response(null, { status: 303, headers: { ...r.headers, location } });
}

/** The flow page a submission came from, with a notice; undefined without a flow id. */
function flowPage(req: NextRequest, path: string, notice: NoticeId): string | undefined {
  const flowId = req.nextUrl.searchParams.get("flow");
  const flow = path.split("/")[1];
  return flowId ? `/${flow}?flow=${encodeURIComponent(flowId)}&notice=${notice}` : undefined;
}

/** Rate limits (lib/rateLimitRules.ts): a refused submission never reaches Kratos. */
async function rateLimit(req: NextRequest, path: string, form: ParsedForm | null): Promise<Response | null> {
  const secret = sessionTokenOf(req.headers) ?? req.cookies.get(KRATOS_SESSION_COOKIE)?.value;
  const result = await consume(
    rateLimitKeys(path, form, {
      clientIp: clientIpOf(req.headers, getConfig().trustProxy),
      sessionKey: secret ? bindingOf(secret) : undefined,
    }),
  );
  if (!result.limited) return null;
  return refuse(req, {
    status: 429,
    id: "rate_limited",
    message: NOTICES.too_many_attempts,
    backTo: flowPage(req, path, "too_many_attempts"),
    headers: { "retry-after": String(result.retryAfterSeconds) },
  });
}

/**
 * The factor guard: an aal2 email-code submission from a session whose first factor came
 * from the same inbox is answered here and never reaches Kratos.
 */
async function factorGuard(
  req: NextRequest,
  path: string,
  form: ParsedForm | null,
): Promise<Response | null> {
  if (form === null) {
    // Kratos reads form, multipart and JSON bodies; refuse what the guard cannot inspect.
    return refuse(req, {
      status: 415,
      id: "unsupported_media_type",
      message: "Send the form as form data or a JSON object.",
    });
  }
  if (!isCodeSubmission(form)) return null;
  const session = await whoami({
    cookie: req.headers.get("cookie"),
    sessionToken: sessionTokenOf(req.headers),
  });
  const amr = session?.authentication_methods?.map((m) => ({ method: m.method, aal: m.aal })) ?? null;
  if (guardLoginSubmission(form, amr).allowed) return null;
  return refuse(req, {
    status: 403,
    id: "second_factor_same_channel",
    message: NOTICES.inbox_second_factor,
    backTo: flowPage(req, path, "inbox_second_factor"),
  });
}

/**
 * Settings change passwords and factors, so they get the app's own AAL check too: a session
 * Kratos calls aal2 from two codes of one inbox (only possible by reaching Kratos directly)
 * is sent to step-up here instead of reaching Kratos's settings endpoints.
 */
async function settingsGuard(req: NextRequest): Promise<Response | null> {
  const token = sessionTokenOf(req.headers);
  const session = await whoami(token ? { sessionToken: token } : { cookie: req.headers.get("cookie") });
  if (!session) return null; // Kratos answers "sign in first" itself.
  const decision = decideAccess("highest_available", await factsOf(session));
  if (decision.type !== "step_up") return null;
  const settings = new URL("/settings", getConfig().appUrl).href;
  return refuse(req, {
    status: 403,
    id: "session_aal2_required",
    message: "Settings need a second factor (step up to aal2).",
    backTo: loginPath({ aal: "aal2", refresh: decision.refresh, returnTo: settings }),
  });
}

function sameOriginPath(url: string | null): string {
  if (!url) return "/";
  try {
    const u = new URL(url);
    return u.origin === getConfig().appUrl.origin ? `${u.pathname}${u.search}` : "/";
  } catch {
    return "/";
  }
}

export async function proxyToKratos(req: NextRequest, segments: string[]): Promise<Response> {
  const path = segments.join("/");
  if (!isAllowedKratosPath(path)) return refuse(req, { status: 404, id: "not_found", message: "Not found" });
  const cfg = getConfig();
  const method = req.method.toUpperCase();
  const hasBody = method !== "GET" && method !== "HEAD";
  // After a failed submission, retry from the page the form was on (same origin only).
  const retryPath =
    method === "GET"
      ? `${req.nextUrl.pathname}${req.nextUrl.search}`
      : sameOriginPath(req.headers.get("referer"));

  try {
    if (/^self-service\/settings(\/(browser|api|flows))?$/.test(path)) {
      const refused = await settingsGuard(req);
      if (refused) return refused;
    }
    let body: ArrayBuffer | undefined;
    if (hasBody) {
      body = await req.arrayBuffer();
      if (body.byteLength > MAX_BODY_BYTES) {
        return refuse(req, { status: 413, id: "payload_too_large", message: "Request body too large" });
      }
      if (method === "POST") {
        const form = await parseFormBody(req.headers.get("content-type") ?? "", body);
        const refused =
          (await rateLimit(req, path, form)) ??
          (path === "self-service/login" ? await factorGuard(req, path, form) : null);
        if (refused) return refused;
      }
    }

    // `notice` is the app's own parameter (a message to show on the new flow): keep it
    // from Kratos and put it back on the redirect to the flow page.
    const search = new URLSearchParams(req.nextUrl.search);
    const notice = search.get("notice");
    search.delete("notice");
    const upstream = await forwardToPublic(path, search.size ? `?${search}` : "", {
      method,
      headers: forwardRequestHeaders(req.headers, { clientIp: clientIpOf(req.headers, cfg.trustProxy) }),
      body,
    });
    const headers = returnedResponseHeaders(upstream.headers);
    const location = headers.get("location");
    if (notice && isNoticeId(notice) && location && path.endsWith("/browser")) {
      headers.set("location", withNotice(location, notice));
    }
    const changesSession =
      (hasBody && SESSION_CHANGING.test(path)) || (method === "GET" && path === "self-service/logout");
    if (changesSession) headers.append("set-cookie", clearCacheCookieHeader(cfg.secureCookies));
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (err) {
    if (err instanceof KratosUnavailableError) return unavailableResponse(retryPath, wantsJson(req.headers));
    throw err;
  }
}
