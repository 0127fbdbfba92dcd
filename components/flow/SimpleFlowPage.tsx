import type { ReactNode } from "react";
import { ErrorView } from "@/components/ErrorView";
import { FlowScreen } from "@/components/flow/FlowScreen";
import { getConfig } from "@/lib/config";
import type { FlowKind } from "@/lib/kratos/flows";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { loadFlow, param, type SearchParams } from "@/lib/http/loadFlow";
import { continuePath } from "@/lib/http/paths";

/**
 * A flow page that shows Kratos's form as it is (registration, recovery, verification).
 * `throughContinue`: after the flow, pass through /continue (the enrollment gate).
 */
export async function SimpleFlowPage({
  kind,
  searchParams,
  title,
  subtitle,
  throughContinue = false,
  footer,
}: {
  kind: Exclude<FlowKind, "login" | "settings">;
  searchParams: Promise<SearchParams>;
  title: string;
  subtitle: string;
  throughContinue?: boolean;
  footer?: ReactNode;
}) {
  const sp = await searchParams;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const kratosReturnTo = throughContinue
    ? new URL(continuePath(returnTo), getConfig().appUrl).href
    : returnTo;
  const loaded = await loadFlow(kind, sp, { return_to: kratosReturnTo }, returnTo);
  if (loaded.error)
    return <ErrorView title={loaded.error.title} message={loaded.error.message} retryHref={`/${kind}`} />;
  return (
    <FlowScreen
      title={title}
      subtitle={subtitle}
      ui={loaded.flow.ui}
      idPrefix={kind}
      notice={param(sp, "notice")}
      footer={footer}
    />
  );
}
