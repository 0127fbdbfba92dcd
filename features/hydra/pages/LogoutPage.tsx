// The logout confirmation (/oauth2/logout): Hydra's logout request asks the user first. A plain
// form post (works without JavaScript) to /oauth2/logout/decision.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { Screen } from "@/components/ui/Screen";
import { primaryButton, secondaryButton } from "@/components/ui/buttonStyles";
import { param, unavailablePath, type SearchParams } from "@/lib/http/loadFlow";
import {
  getLogoutRequest,
  hydraEnabled,
  HydraUnavailableError,
  UnknownChallengeError,
  type LogoutRequest,
} from "@/features/hydra/server/admin";
import { wasAnswered } from "@/features/hydra/server/challenges";

export const LOGOUT_PATH = "/oauth2/logout";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("oauth2.logout"))("title") };
}

async function loadRequest(challenge: string, here: string): Promise<LogoutRequest> {
  try {
    return await getLogoutRequest(challenge);
  } catch (err) {
    if (err instanceof UnknownChallengeError) redirect("/oauth2/error?problem=unknown");
    if (err instanceof HydraUnavailableError) redirect(unavailablePath(here));
    throw err;
  }
}

export default async function LogoutPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!hydraEnabled()) notFound();
  const challenge = param(await searchParams, "logout_challenge");
  if (!challenge) redirect("/oauth2/error?problem=missing");
  if (await wasAnswered(challenge)) redirect("/oauth2/error?problem=answered");
  const request = await loadRequest(
    challenge,
    `${LOGOUT_PATH}?logout_challenge=${encodeURIComponent(challenge)}`,
  );
  const t = await getTranslations("oauth2.logout");
  const client = request.client ? request.client.client_name || request.client.client_id : undefined;
  return (
    <Screen title={t("title")} subtitle={client ? t("subtitle", { client }) : t("subtitleNoClient")}>
      <p className="text-sm leading-6" data-testid="oauth2-logout">
        {t("body")}
      </p>
      <form action={`${LOGOUT_PATH}/decision`} method="post" className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="logout_challenge" value={challenge} />
        <button type="submit" name="decision" value="cancel" className={secondaryButton}>
          {t("cancel")}
        </button>
        <button type="submit" name="decision" value="confirm" className={primaryButton}>
          {t("confirm")}
        </button>
      </form>
    </Screen>
  );
}
