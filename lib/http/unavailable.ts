// The 503 answer when Kratos is down or slow: a small page that retries by itself, or JSON
// for API clients.
import { jsonError } from "@/lib/http/jsonError";
import { escapeHtml, plainPage } from "@/lib/http/plainPage";

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
  const html = plainPage({
    title: "Temporarily unavailable",
    head: `<meta http-equiv="refresh" content="10;url=${href}">\n`,
    body: `<h1>Sign-in is temporarily unavailable</h1>
<p role="status">We could not reach the identity service. Nothing you entered was lost on our side; this page tries again in 10 seconds.</p>
<p><a href="${href}">Try again now</a> · <a href="/">Home</a></p>`,
  });
  return new Response(html, {
    status: 503,
    headers: { ...headers, "content-type": "text/html; charset=utf-8" },
  });
}
