import type { UiContainer } from "@ory/client-fetch";
import type { ReactNode } from "react";
import { FlowForms } from "@/components/flow/FlowForms";
import { Messages } from "@/components/flow/Messages";
import { NoticeFromQuery } from "@/components/NoticeFromQuery";
import { Card, PageShell } from "@/components/ui/Card";

/** The one card layout every flow page uses. */
export function FlowScreen({
  title,
  subtitle,
  ui,
  idPrefix,
  notice,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  ui: UiContainer;
  idPrefix: string;
  notice?: string;
  children?: ReactNode;
}) {
  return (
    <PageShell>
      <Card title={title} subtitle={subtitle}>
        <NoticeFromQuery notice={notice} />
        <Messages messages={ui.messages ?? []} />
        <FlowForms ui={ui} idPrefix={idPrefix} />
        {children}
      </Card>
    </PageShell>
  );
}
