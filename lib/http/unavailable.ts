// The 503 answer when Kratos is down or slow: a small page without React that retries by
// itself, or JSON for API clients. Its colours come from the brand file, public/theme.css.
import { jsonError } from "@/lib/http/jsonError";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function wantsJson(headers: Headers): boolean {
  const accept = headers.get("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

/** `retryPath` must already be a same-origin path (it becomes a link and a refresh target). */
export function unavailableResponse(retryPath: string, json: boolean): Response {
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
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="10;url=${href}">
<title>Temporarily unavailable</title>
<link rel="stylesheet" href="/theme.css">
<style>body{font-family:var(--font-body,system-ui,sans-serif);max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:var(--text);background:var(--canvas)}
a{color:var(--link)}a:focus-visible{outline:3px solid var(--focus);outline-offset:2px}</style></head>
<body><main><h1>Sign-in is temporarily unavailable</h1>
<p role="status">We could not reach the identity service. Nothing you entered was lost on our side; this page tries again in 10 seconds.</p>
<p><a href="${href}">Try again now</a> · <a href="/">Home</a></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { ...headers, "content-type": "text/html; charset=utf-8" },
  });
}
