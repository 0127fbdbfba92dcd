import type { Metadata } from "next";
import { ErrorView } from "@/components/ErrorView";
import { FlowScreen } from "@/components/flow/FlowScreen";
import { Header } from "@/components/Header";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { loadFlow, param, type SearchParams } from "@/lib/http/loadFlow";
import { emailOf } from "@/lib/http/currentSession";
import { settingsStatus, statusLine } from "@/lib/kratos/settingsStatus";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const loaded = await loadFlow("settings", sp, { return_to: returnTo }, returnTo);
  if (loaded.error)
    return <ErrorView title={loaded.error.title} message={loaded.error.message} retryHref="/settings" />;
  const { flow } = loaded;
  const status = settingsStatus(flow.ui.nodes);
  return (
    <FlowScreen
      header={<Header email={emailOf(flow.identity)} />}
      title="Account settings"
      subtitle="Your profile, password and ways to confirm it’s you."
      ui={flow.ui}
      idPrefix="settings"
      notice={param(sp, "notice")}
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
