import type { Metadata } from "next";
import { ErrorView } from "@/components/ErrorView";
import { FlowScreen } from "@/components/flow/FlowScreen";
import { Header } from "@/components/Header";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { loadFlow, param, type SearchParams } from "@/lib/http/loadFlow";
import { emailOf } from "@/lib/http/currentSession";
import { settingsStatus, statusLine } from "@/lib/kratos/settingsStatus";
import { ActiveSessions } from "@/components/settings/ActiveSessions";
import { DeleteAccount } from "@/components/settings/DeleteAccount";
import { getConfig } from "@/lib/config";
import { listMyOtherSessions, whoami } from "@/lib/kratos/client";
import { cookieHeader } from "@/lib/http/loadFlow";
import { sessionRows, type SessionRow } from "@/lib/session/sessionList";

export const metadata: Metadata = { title: "Settings" };

/** This session and the others; null when Kratos cannot list them (the rest of the page still works). */
async function sessionList(): Promise<SessionRow[] | null> {
  const cookie = await cookieHeader();
  if (!cookie) return null;
  try {
    const [current, others] = await Promise.all([whoami({ cookie }), listMyOtherSessions(cookie)]);
    return current && others ? sessionRows(current, others) : null;
  } catch {
    return null;
  }
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const loaded = await loadFlow("settings", sp, { return_to: returnTo }, returnTo);
  if (loaded.error)
    return <ErrorView title={loaded.error.title} message={loaded.error.message} retryHref="/settings" />;
  const { flow } = loaded;
  const status = settingsStatus(flow.ui.nodes);
  const sessions = await sessionList();
  return (
    <FlowScreen
      header={<Header email={emailOf(flow.identity)} />}
      title="Account settings"
      subtitle="Your profile, password and ways to confirm it’s you."
      ui={flow.ui}
      idPrefix="settings"
      notice={param(sp, "notice")}
      after={
        <>
          <ActiveSessions rows={sessions} />
          <DeleteAccount privilegedMinutes={Math.round(getConfig().privilegedSessionMaxAgeSeconds / 60)} />
        </>
      }
      forms={{
        titled: true,
        relabel: { password: "New password" },
        sectionIntro: (group) => {
          const line = statusLine(group, status);
          return line ? (
            <p className="mb-3 text-sm text-muted" data-testid={`status-${group}`}>
              {line}
            </p>
          ) : null;
        },
      }}
    />
  );
}
