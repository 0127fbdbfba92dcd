import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoadErrorView } from "@/components/ErrorView";
import { FlowScreen } from "@/components/flow/FlowScreen";
import { Header } from "@/components/Header";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { loadFlow, param, type SearchParams } from "@/lib/http/loadFlow";
import { emailOf } from "@/lib/http/currentSession";
import { introKey, settingsStatus, statusLineKey } from "@/lib/kratos/settingsStatus";
import { ActiveSessions } from "@/components/settings/ActiveSessions";
import { DeleteAccount } from "@/features/account-deletion/DeleteAccount";
import { getConfig } from "@/lib/config";
import { listMyOtherSessions, whoami } from "@/lib/kratos/client";
import { pageCredential } from "@/lib/http/credential";
import { sessionRows, type SessionRow } from "@/lib/session/sessionList";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

/** This session and the others; null when Kratos cannot list them (the rest of the page still works). */
async function sessionList(): Promise<SessionRow[] | null> {
  const { credential } = await pageCredential();
  if (credential.type === "none") return null;
  try {
    const [current, others] = await Promise.all([whoami(credential), listMyOtherSessions(credential)]);
    return current && others ? sessionRows(current, others, getConfig().factorPolicy) : null;
  } catch {
    return null;
  }
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const loaded = await loadFlow("settings", sp, { return_to: returnTo }, returnTo);
  if (loaded.error) return <LoadErrorView error={loaded.error} retryHref="/settings" />;
  const { flow } = loaded;
  const status = settingsStatus(flow.ui.nodes);
  const sessions = await sessionList();
  const [t, all] = await Promise.all([getTranslations("settings"), getTranslations()]);
  return (
    <FlowScreen
      header={<Header email={emailOf(flow.identity)} />}
      title={t("title")}
      subtitle={t("subtitle")}
      ui={flow.ui}
      idPrefix="settings"
      notice={param(sp, "notice")}
      after={
        <>
          <ActiveSessions rows={sessions} />
          {getConfig().features.includes("account-deletion") && (
            <DeleteAccount privilegedMinutes={Math.round(getConfig().privilegedSessionMaxAgeSeconds / 60)} />
          )}
        </>
      }
      forms={{
        titled: true,
        relabel: { password: t("newPassword") },
        sectionIntro: (group) => {
          const line = statusLineKey(group, status);
          if (line && all.has(line.key))
            return (
              <p className="mb-3 text-sm text-muted" data-testid={`status-${group}`}>
                {all(line.key, { count: line.count })}
              </p>
            );
          // A method without a setup state may say in one line what its section is for.
          const intro = introKey(group);
          return intro && all.has(intro) ? (
            <p className="mb-3 text-sm text-muted" data-testid={`intro-${group}`}>
              {all(intro)}
            </p>
          ) : null;
        },
      }}
    />
  );
}
