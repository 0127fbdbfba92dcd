// Refuses bad requests before Next sees them: a method a route does not answer (405 with
// `Allow`) or a target whose percent-encoding does not decode (400), as the app's JSON error
// on API routes and a small HTML page elsewhere, with one log line and no stack trace.
// proxy.ts cannot do this: Next builds a Fetch Request before calling it, which throws for
// TRACE, and answers 500 for a path it cannot decode. So the guard sits on the Node HTTP
// server itself, installed once at start (instrumentation-node.ts). The decision is
// lib/policy/requestShape.ts, from the app map (lib/policy/appMap.ts).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import { randomBytes } from "node:crypto";
import { getConfig } from "@/lib/config";
import { jsonErrorBody } from "@/lib/http/jsonError";
import { escapeHtml, plainPage } from "@/lib/http/plainPage";
import { contentSecurityPolicy, formActionOrigins, securityHeaders } from "@/lib/http/securityHeaders";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { DEFAULT_LOCALE, localeOfHeaders, type Locale } from "@/lib/i18n/locales";
import type { AppRoute } from "@/lib/policy/appMap";
import { checkRequest, type RequestRefusal } from "@/lib/policy/requestShape";

export interface RefusalAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function refusalAnswer(
  r: RequestRefusal,
  opts: { hsts: boolean; formOrigins: string[]; locale?: Locale },
): RefusalAnswer {
  // Words from the catalogs (`refused`): the page in the reader's language, JSON in English.
  const locale = r.json ? DEFAULT_LOCALE : (opts.locale ?? DEFAULT_LOCALE);
  const t = CATALOGS[locale].refused;
  const { title, text } = t[r.id];
  const message = r.allow ? `${text} ${t.allowed.replace("{methods}", r.allow)}` : text;
  const body = r.json
    ? JSON.stringify(jsonErrorBody(r.status, r.id, message))
    : plainPage({
        lang: locale,
        title,
        body: `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>\n<p><a href="/">${escapeHtml(t.home)}</a></p>`,
      });
  const csp = contentSecurityPolicy(randomBytes(16).toString("base64"), {
    dev: false,
    formOrigins: opts.formOrigins,
  });
  return {
    status: r.status,
    headers: {
      ...securityHeaders(csp, opts.hsts),
      "content-type": r.json ? "application/json" : "text/html; charset=utf-8",
      "content-length": String(Buffer.byteLength(body)),
      "cache-control": "no-store",
      ...(r.allow ? { allow: r.allow } : {}),
    },
    body,
  };
}

function refuse(req: IncomingMessage, res: ServerResponse, r: RequestRefusal): void {
  const target = req.url ?? "";
  // The hint names the app map, so that a new route or Server Action missing from it is no
  // silent 405; the reader of the page sees only the catalog's neutral words.
  console.warn(
    `[request] ${r.status} ${req.method} ${JSON.stringify(target.length > 200 ? `${target.slice(0, 200)}…` : target)}: ${r.id}${r.hint ? ` (${r.hint})` : ""}`,
  );
  const cfg = getConfig();
  const headers = new Headers();
  for (const name of ["cookie", "accept-language"]) {
    const v = req.headers[name];
    if (typeof v === "string") headers.set(name, v);
  }
  const answer = refusalAnswer(r, {
    hsts: cfg.secureCookies,
    formOrigins: formActionOrigins(cfg),
    locale: localeOfHeaders(headers),
  });
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

const INSTALLED = Symbol.for("kratos-bff.requestGuard");

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/**
 * Wraps the `request` event of every HTTP(S) server in this process; safe to call twice.
 *
 * Why a patch: Next.js 16 documents no hook that runs before it routes a request. proxy.ts is
 * too late (see above); route handlers and `next.config` rewrites, redirects and headers run
 * later still; the one documented way to own the HTTP server, a custom server
 * (`next({}).getRequestHandler()`), replaces `next start` and cannot be used with
 * `output: "standalone"`, which `npm run build:standalone` ships. Patching `emit` keeps both.
 */
export function installRequestGuard(appMap: readonly AppRoute[]): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Record<
    symbol,
    unknown
  >[]) {
    if (proto[INSTALLED]) continue;
    const target = proto as unknown as { emit: Emit };
    const emit = target.emit;
    target.emit = function (this: unknown, event, ...args) {
      if (event === "request") {
        const [req, res] = args as [IncomingMessage, ServerResponse];
        const refusal = checkRequest(
          req.method ?? "",
          req.url ?? "",
          req.headers["next-action"] !== undefined,
          appMap,
          getConfig().features,
        );
        if (refusal) {
          refuse(req, res, refusal);
          return true;
        }
      }
      return emit.call(this, event, ...args);
    };
    proto[INSTALLED] = true;
  }
}
