// The request's one credential (lib/policy/credential.ts decides) for the app's pages and routes,
// and the 400 answer to a request whose credential is refused.
import "server-only";
import { headers } from "next/headers";
import { jsonError } from "@/lib/http/jsonError";
import { escapeHtml, plainPage } from "@/lib/http/plainPage";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { localeOfHeaders } from "@/lib/i18n/locales";
import {
  resolveCredential,
  type CredentialResolution,
  type ResolvedCredential,
} from "@/lib/policy/credential";

export type CredentialRefused = Extract<CredentialResolution, { ok: false }>;

const NOBODY: ResolvedCredential = { credential: { type: "none" }, otherCookies: [] };

/**
 * The credential of a request that proxy.ts has let through (it answers a refused one with 400);
 * should a refused one reach a handler all the same, it speaks for nobody.
 */
export function credentialOf(h: Headers): ResolvedCredential {
  const resolution = resolveCredential(h);
  return resolution.ok ? resolution : NOBODY;
}

/** The credential of the request a page is rendering. */
export async function pageCredential(): Promise<ResolvedCredential> {
  return credentialOf(await headers());
}

/** 400 with the reason: JSON for API clients, a short page in the reader's language otherwise. */
export function credentialRefusal(refused: CredentialRefused, h: Headers, json: boolean): Response {
  console.warn(`[credential] 400: ${refused.reason}`);
  if (json) return jsonError(400, refused.reason, refused.message, { "cache-control": "no-store" });
  const locale = localeOfHeaders(h);
  const t = CATALOGS[locale].refused;
  const html = plainPage({
    lang: locale,
    title: t.credential.title,
    body: `<h1>${escapeHtml(t.credential.title)}</h1>
<p role="alert">${escapeHtml(t.credential.text)}</p>
<p><code>${escapeHtml(refused.reason)}</code></p>
<p><a href="/">${escapeHtml(t.home)}</a></p>`,
  });
  return new Response(html, {
    status: 400,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
