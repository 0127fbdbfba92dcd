// The BFF proxy: forwards browser and app-client calls to Kratos public, which is never
// exposed itself. Redirects are passed back, not followed, and every Set-Cookie survives.
// Login submissions pass the factor guard first (lib/factorPolicy.ts).
import "server-only";
import type { NextRequest } from "next/server";
import { decideAccess } from "@/lib/accessDecision";
import { getConfig } from "@/lib/config";
import { guardLoginSubmission, isCodeSubmission } from "@/lib/factorPolicy";
import { forwardToPublic, whoami } from "@/lib/kratos/client";
import { isNoticeId, KratosUnavailableError, NOTICES } from "@/lib/kratos/errors";
import { forwardRequestHeaders, isAllowedKratosPath, returnedResponseHeaders } from "@/lib/kratos/proxyRules";
import { loginPath, withNotice } from "@/lib/paths";
import { sessionTokenOf } from "@/lib/routePolicy";
import { factsOf } from "@/lib/sessionState";
import { bindingOf, clearCacheCookieHeader, KRATOS_SESSION_COOKIE } from "@/lib/sessionCache";
import { parseFormBody, type ParsedForm } from "@/lib/kratos/formBody";
import { consume } from "@/lib/rateLimit";
import { clientIpOf, rateLimitKeys } from "@/lib/rateLimitRules";
import { unavailableResponse, wantsJson } from "@/lib/unavailablePage";

const MAX_BODY_BYTES = 64 * 1024;

// Submissions that can change who is signed in or how: the session cache must not outlive them.
const SESSION_CHANGING = /^self-service\/(login|registration|recovery|settings|logout)(\/api)?$/;

function refusal(
  req: NextRequest,
  flowId: string | null,
  status: number,
  id: string,
  message: string,
): Response {
  if (wantsJson(req.headers) || !flowId) {
    return Response.json({ error: { id, code: status, message } }, { status });
  }
  const to = new URL(
    `/login?flow=${encodeURIComponent(flowId)}&notice=inbox_second_factor`,
    getConfig().appUrl,
  );
  return new Response(null, { status: 303, headers: { location: to.href } });
}

/**
 * The factor guard: an aal2 email-code submission from a session whose first factor came
 * from the same inbox is answered here and never reaches Kratos.
 */
async function factorGuard(req: NextRequest, form: ParsedForm | null): Promise<Response | null> {
  const flowId = req.nextUrl.searchParams.get("flow");
  const creds = { cookie: req.headers.get("cookie"), sessionToken: sessionTokenOf(req.headers) };
  if (form === null) {
    // Kratos reads form, multipart and JSON bodies; refuse what we cannot inspect.
    return refusal(req, null, 415, "unsupported_media_type", "Send the form as form data or a JSON object.");
  }
  if (!isCodeSubmission(form)) return null;
  const session = await whoami(creds);
  const amr = session?.authentication_methods?.map((m) => ({ method: m.method, aal: m.aal })) ?? null;
  const decision = guardLoginSubmission(form, amr);
  if (decision.allowed) return null;
  return refusal(req, flowId, 403, "second_factor_same_channel", NOTICES.inbox_second_factor);
}

/** Rate limits (lib/rateLimitRules.ts): a refused submission never reaches Kratos. */
async function rateLimit(req: NextRequest, path: string, form: ParsedForm | null): Promise<Response | null> {
  const token = sessionTokenOf(req.headers);
  const sessionCookie = req.cookies.get(KRATOS_SESSION_COOKIE)?.value;
  const keys = rateLimitKeys(path, form, {
    clientIp: clientIpOf(req.headers, getConfig().trustProxy),
    sessionKey: token || sessionCookie ? bindingOf(token ?? sessionCookie ?? "") : undefined,
  });
  const result = await consume(keys);
  if (!result.limited) return null;
  const retryAfter = String(result.retryAfterSeconds);
  const flowId = req.nextUrl.searchParams.get("flow");
  const flow = path.split("/")[1];
  if (wantsJson(req.headers) || !flowId || sessionTokenOf(req.headers)) {
    return Response.json(
      { error: { id: "rate_limited", code: 429, message: NOTICES.too_many_attempts } },
      { status: 429, headers: { "retry-after": retryAfter } },
    );
  }
  const to = new URL(
    `/${flow}?flow=${encodeURIComponent(flowId)}&notice=too_many_attempts`,
    getConfig().appUrl,
  );
  return new Response(null, { status: 303, headers: { location: to.href, "retry-after": retryAfter } });
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
  if (wantsJson(req.headers) || token) {
    return Response.json(
      {
        error: {
          id: "session_aal2_required",
          code: 403,
          message: "Settings need a second factor (step up to aal2).",
        },
      },
      { status: 403 },
    );
  }
  const to = new URL(
    loginPath({
      aal: "aal2",
      refresh: decision.refresh,
      returnTo: new URL("/settings", getConfig().appUrl).href,
    }),
    getConfig().appUrl,
  );
  return new Response(null, { status: 303, headers: { location: to.href } });
}

export async function proxyToKratos(req: NextRequest, segments: string[]): Promise<Response> {
  const path = segments.join("/");
  if (!isAllowedKratosPath(path)) {
    return Response.json({ error: { id: "not_found", code: 404, message: "Not found" } }, { status: 404 });
  }
  const cfg = getConfig();
  const method = req.method.toUpperCase();
  const hasBody = method !== "GET" && method !== "HEAD";
  const retryPath = method === "GET" ? `${req.nextUrl.pathname}${req.nextUrl.search}` : "/";

  try {
    if (/^self-service\/settings(\/(browser|api|flows))?$/.test(path)) {
      const refused = await settingsGuard(req);
      if (refused) return refused;
    }
    let body: ArrayBuffer | undefined;
    if (hasBody) {
      body = await req.arrayBuffer();
      if (body.byteLength > MAX_BODY_BYTES) {
        return Response.json(
          { error: { id: "payload_too_large", code: 413, message: "Request body too large" } },
          { status: 413 },
        );
      }
      if (method === "POST") {
        const form = await parseFormBody(req.headers.get("content-type") ?? "", body);
        const limited = await rateLimit(req, path, form);
        if (limited) return limited;
        if (path === "self-service/login") {
          const refused = await factorGuard(req, form);
          if (refused) return refused;
        }
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
      body: hasBody ? body : undefined,
    });
    const headers = returnedResponseHeaders(upstream.headers);
    const location = headers.get("location");
    if (notice && isNoticeId(notice) && location && /\/browser$/.test(path)) {
      headers.set("location", withNotice(location, notice));
    }
    if (hasBody && SESSION_CHANGING.test(path))
      headers.append("set-cookie", clearCacheCookieHeader(cfg.secureCookies));
    if (method === "GET" && /^self-service\/logout$/.test(path))
      headers.append("set-cookie", clearCacheCookieHeader(cfg.secureCookies));
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (err) {
    if (err instanceof KratosUnavailableError) return unavailableResponse(retryPath, wantsJson(req.headers));
    throw err;
  }
}
