// The answers the /oauth2/ routes share: the plain error page, the hand-off to Hydra, and
// outages as the 503 page.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { escapeHtml, plainPage } from "@/lib/http/plainPage";
import { unavailablePath } from "@/lib/http/loadFlow";
import { KratosResponseError, KratosUnavailableError } from "@/lib/kratos/errors";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { localeOfHeaders, type Locale } from "@/lib/i18n/locales";
import type hydraMessages from "@/features/hydra/messages/en.json";
import { HydraUnavailableError, UnknownChallengeError } from "@/features/hydra/server/admin";

export const CHALLENGE_PROBLEMS = [
  "missing",
  "unknown",
  "answered",
  "too_long",
  "disabled",
  "subject",
] as const;
export type ChallengeProblem = (typeof CHALLENGE_PROBLEMS)[number];

/** The feature's namespace of the merged catalog (lib/i18n/catalogs.ts), typed by its English source. */
const words = (locale: Locale) => CATALOGS[locale].oauth2 as (typeof hydraMessages)["oauth2"];

const noStore = { "cache-control": "no-store", "content-type": "text/html; charset=utf-8" };

/** A 4xx page naming what is wrong with the challenge, in the reader's language. */
export function challengeRefused(req: NextRequest, problem: ChallengeProblem): Response {
  const locale = localeOfHeaders(req.headers);
  const t = words(locale).refused;
  const html = plainPage({
    lang: locale,
    title: t.title,
    body: `<h1>${escapeHtml(t.title)}</h1>
<p role="alert" data-testid="oauth2-refused" data-problem="${problem}">${escapeHtml(t[problem])}</p>
<p><a href="/">${escapeHtml(t.home)}</a></p>`,
  });
  return new Response(html, { status: problem === "disabled" ? 404 : 400, headers: noStore });
}

/**
 * Sends the browser on to Hydra (and from there to the client). A navigation that began with a
 * form on this app gets a page that moves on by itself instead of a redirect: browsers check the
 * CSP's form-action on every redirect after a form post, and a client's redirect URI is on an
 * origin this app cannot list. Sec-Fetch-Site "same-origin" says the chain began on this app.
 */
export function handOff(req: NextRequest, to: string, afterForm = false): Response {
  const fromHere = req.headers.get("sec-fetch-site") === "same-origin";
  if (!afterForm && !fromHere) return NextResponse.redirect(to, 303);
  const locale = localeOfHeaders(req.headers);
  const t = words(locale).handOff;
  const href = escapeHtml(to);
  const html = plainPage({
    lang: locale,
    title: t.title,
    head: `<meta http-equiv="refresh" content="0;url=${href}">\n`,
    body: `<h1>${escapeHtml(t.title)}</h1>
<p role="status"><a href="${href}" data-testid="oauth2-continue">${escapeHtml(t.continue)}</a></p>`,
  });
  return new Response(html, { status: 200, headers: noStore });
}

/**
 * Hydra's error URL (/oauth2/error): what Hydra could not send back to the client (an unknown
 * client, a redirect URI it does not know), or a problem a page found with its challenge.
 */
export function oauth2ErrorPage(req: NextRequest): Response {
  const sp = req.nextUrl.searchParams;
  const problem = CHALLENGE_PROBLEMS.find((p) => p === sp.get("problem"));
  if (problem) return challengeRefused(req, problem);
  const locale = localeOfHeaders(req.headers);
  const t = words(locale).error;
  // Hydra's own words (English), shown as text; the error code alone if there is no description.
  const description = (sp.get("error_description") ?? sp.get("error") ?? t.unknownError).slice(0, 500);
  const html = plainPage({
    lang: locale,
    title: t.title,
    body: `<h1>${escapeHtml(t.title)}</h1>
<p role="alert" data-testid="oauth2-error">${escapeHtml(t.body.replace("{description}", description))}</p>
<p><a href="/">${escapeHtml(t.home)}</a></p>`,
  });
  return new Response(html, { status: 400, headers: noStore });
}

/** Runs a route's Hydra and Kratos calls: an unknown challenge is a 400 page, an outage the 503 page. */
export async function withUpstreams(req: NextRequest, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof UnknownChallengeError) return challengeRefused(req, "unknown");
    if (
      err instanceof HydraUnavailableError ||
      err instanceof KratosUnavailableError ||
      (err instanceof KratosResponseError && err.status >= 500)
    ) {
      const retry = req.method === "GET" ? `${req.nextUrl.pathname}${req.nextUrl.search}` : "/";
      return NextResponse.redirect(new URL(unavailablePath(retry), getConfig().appUrl), 303);
    }
    throw err;
  }
}
