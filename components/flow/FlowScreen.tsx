import type { UiContainer } from "@ory/client-fetch";
import type { ComponentProps, ReactNode } from "react";
import { useMessages } from "next-intl";
import { FlowForms } from "@/components/flow/FlowForms";
import { Messages } from "@/components/flow/Messages";
import { NoticeFromQuery } from "@/components/NoticeFromQuery";
import { Screen } from "@/components/ui/Screen";
import { localizeUi, lookupIn } from "@/lib/i18n/kratosText";

type FormOptions = Pick<ComponentProps<typeof FlowForms>, "titled" | "sectionIntro" | "relabel">;

/**
 * A Kratos flow on the one screen layout: the app's `?notice=`, Kratos's messages, any
 * page-specific `alerts`, then the flow's forms (Kratos's texts in the reader's language) and any
 * sections of the page's own.
 */
export function FlowScreen({
  header,
  title,
  subtitle,
  ui,
  idPrefix,
  notice,
  alerts,
  forms,
  after,
  footer,
  aside,
}: {
  header?: ReactNode;
  title: string;
  subtitle?: ReactNode;
  ui: UiContainer;
  idPrefix: string;
  notice?: string;
  alerts?: ReactNode;
  forms?: FormOptions;
  /** Page sections after the flow's forms (not part of the flow). */
  after?: ReactNode;
  footer?: ReactNode;
  aside?: ReactNode;
}) {
  const localized = localizeUi(ui, lookupIn(useMessages()));
  return (
    <Screen header={header} title={title} subtitle={subtitle} footer={footer} aside={aside}>
      <NoticeFromQuery notice={notice} />
      <Messages messages={localized.messages ?? []} />
      {alerts}
      <FlowForms ui={localized} idPrefix={idPrefix} {...forms} />
      {after}
    </Screen>
  );
}
