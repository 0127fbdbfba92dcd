// The 503 answer when Kratos is down or slow: a small page that retries by itself, or JSON
// for API clients. Its words come from the catalog of the reader's language (cookie, else
// Accept-Language).
import { jsonError } from "@/lib/http/jsonError";
import { escapeHtml, plainPage } from "@/lib/http/plainPage";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

export function wantsJson(headers: Headers): boolean {
  const accept = headers.get("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

/** `retryPath` must already be a same-origin path (it becomes a link and a refresh target). */
export function unavailableResponse(
  retryPath: string,
  json: boolean,
  locale: Locale = DEFAULT_LOCALE,
): Response {
  const headers = { "retry-after": "5", "cache-control": "no-store" };
  if (json) {
    return jsonError(
      503,
      "identity_service_unavailable",
      "The identity service is unavailable. Try again shortly.",
      headers,
    );
  }
  const href = escapeHtml(retryPath);
  const t = CATALOGS[locale].unavailable;
  const html = plainPage({
    lang: locale,
    title: t.title,
    head: `<meta http-equiv="refresh" content="10;url=${href}">\n`,
    body: `<h1>${escapeHtml(t.heading)}</h1>
<p role="status">${escapeHtml(t.body)}</p>
<p><a href="${href}">${escapeHtml(t.retry)}</a> · <a href="/">${escapeHtml(t.home)}</a></p>`,
  });
  return new Response(html, {
    status: 503,
    headers: { ...headers, "content-type": "text/html; charset=utf-8" },
  });
}
