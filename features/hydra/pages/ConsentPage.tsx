// The consent page (/oauth2/consent): who asks, for what, in words; allow or deny, optionally
// remembered. A plain form post (works without JavaScript) to /oauth2/consent/decision. Skipped
// when Hydra remembers a consent or the client is first-party.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { Header } from "@/components/Header";
import { Screen } from "@/components/ui/Screen";
import { linkStyle, primaryButton, secondaryButton } from "@/components/ui/buttonStyles";
import { currentSessionOr503, emailOf } from "@/lib/http/currentSession";
import { loginPath } from "@/lib/http/paths";
import { param, unavailablePath, type SearchParams } from "@/lib/http/loadFlow";
import {
  getConsentRequest,
  hydraEnabled,
  HydraUnavailableError,
  UnknownChallengeError,
  type ConsentRequest,
} from "@/features/hydra/server/admin";
import { wasAnswered } from "@/features/hydra/server/challenges";
import { grantConsent } from "@/features/hydra/server/consent";
import { consentSkipReason, isKnownScope } from "@/features/hydra/policy/consent";

export const CONSENT_PATH = "/oauth2/consent";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("oauth2.consent"))("title") };
}

const errorPath = (problem: string) => `/oauth2/error?problem=${problem}`;

async function loadRequest(challenge: string, here: string): Promise<ConsentRequest> {
  try {
    return await getConsentRequest(challenge);
  } catch (err) {
    if (err instanceof UnknownChallengeError) redirect(errorPath("unknown"));
    if (err instanceof HydraUnavailableError) redirect(unavailablePath(here));
    throw err;
  }
}

/** Only http(s) links are shown (a client's URIs are its own words). */
function httpLink(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    const u = new URL(uri);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A logo the page's CSP lets load: https, or an inline image. */
function logoSrc(uri: string | undefined): string | undefined {
  return uri && (uri.startsWith("https://") || uri.startsWith("data:image/")) ? uri : undefined;
}

export default async function ConsentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!hydraEnabled()) notFound();
  const challenge = param(await searchParams, "consent_challenge");
  if (!challenge) redirect(errorPath("missing"));
  if (await wasAnswered(challenge)) redirect(errorPath("answered"));
  const here = `${CONSENT_PATH}?consent_challenge=${encodeURIComponent(challenge)}`;
  const request = await loadRequest(challenge, here);
  const session = await currentSessionOr503(here);
  if (!session?.identity) redirect(loginPath({ returnTo: here }));
  if (session.identity.id !== request.subject) redirect(errorPath("subject"));

  if (consentSkipReason(request) !== null) {
    let to: string | undefined;
    try {
      to = await grantConsent(request, session.identity, false);
    } catch (err) {
      if (err instanceof HydraUnavailableError) redirect(unavailablePath(here));
      throw err;
    }
    redirect(to ?? errorPath("unknown"));
  }

  const t = await getTranslations("oauth2.consent");
  const client = request.client;
  const name = client.client_name || client.client_id;
  const logo = logoSrc(client.logo_uri);
  const links = [
    { label: t("website"), href: httpLink(client.client_uri) },
    { label: t("policy"), href: httpLink(client.policy_uri) },
    { label: t("terms"), href: httpLink(client.tos_uri) },
  ].filter((l): l is { label: string; href: string } => l.href !== undefined);
  const email = emailOf(session.identity);
  return (
    <Screen header={<Header email={email} />} title={t("title")} subtitle={t("subtitle", { client: name })}>
      <div data-testid="oauth2-consent" className="space-y-4 text-sm leading-6">
        {logo ? (
          // eslint-disable-next-line @next/next/no-img-element -- any client's logo, not a local asset
          <img src={logo} alt={t("logoAlt", { client: name })} width={48} height={48} className="h-12 w-12" />
        ) : null}
        <p>{t("asks")}</p>
        <ul className="list-disc space-y-1 pl-5" data-testid="oauth2-scopes">
          {(request.requested_scope ?? []).map((scope) => (
            <li key={scope} data-scope={scope}>
              {isKnownScope(scope) ? t(`scope_${scope}`) : t("scope_other", { scope })}
            </li>
          ))}
        </ul>
        {links.length > 0 ? (
          <p className="flex flex-wrap gap-x-4">
            {links.map((l) => (
              <a key={l.label} href={l.href} className={linkStyle} rel="noopener noreferrer">
                {l.label}
              </a>
            ))}
          </p>
        ) : null}
        {email ? <p>{t("signedInAs", { email })}</p> : null}
      </div>
      <form action={`${CONSENT_PATH}/decision`} method="post" className="space-y-4">
        <input type="hidden" name="consent_challenge" value={challenge} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="remember" />
          {t("remember")}
        </label>
        <div className="grid gap-3 sm:grid-cols-2">
          <button type="submit" name="decision" value="deny" className={secondaryButton}>
            {t("deny")}
          </button>
          <button type="submit" name="decision" value="allow" className={primaryButton}>
            {t("allow")}
          </button>
        </div>
      </form>
    </Screen>
  );
}
