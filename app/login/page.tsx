import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeadEnd } from "@/components/DeadEnd";
import { LoadErrorView } from "@/components/ErrorView";
import { FlowScreen } from "@/components/flow/FlowScreen";
import { LogoutButton } from "@/components/LogoutButton";
import { linkStyle } from "@/components/ui/buttonStyles";
import { InboxCodeHidden } from "@/components/InboxCodeHidden";
import { FlowAddress } from "@/components/flow/FlowAddress";
import { flowInitParams } from "@/lib/http/flowStart";
import { restartFlowPath } from "@/lib/http/paths";
import { loginView } from "@/lib/http/loginView";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { loadFlow, param, searchParamsOf, type SearchParams } from "@/lib/http/loadFlow";
import { getConfig } from "@/lib/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const init = flowInitParams("login", searchParamsOf(sp), returnTo, getConfig().appUrl);
  const loaded = await loadFlow("login", sp, init, returnTo);
  if (loaded.error) return <LoadErrorView error={loaded.error} retryHref="/login" />;
  const { flow } = loaded;

  const view = await loginView(flow, `/login?flow=${encodeURIComponent(flow.id)}`);
  if (view.deadEnd)
    return (
      <>
        <FlowAddress kind="login" id={flow.id} notice={param(sp, "notice")} />
        <DeadEnd supportContact={getConfig().supportContact} provider={view.provider} />
      </>
    );
  const { ui, stepUp, identifier } = view;

  const t = await getTranslations("login");
  const variant = stepUp ? "StepUp" : flow.refresh ? "Refresh" : "";
  return (
    <FlowScreen
      header={<FlowAddress kind="login" id={flow.id} notice={param(sp, "notice")} />}
      title={t(`title${variant}`)}
      subtitle={identifier ? t("subtitleIdentified", { identifier }) : t(`subtitle${variant}`)}
      ui={ui}
      idPrefix="login"
      notice={param(sp, "notice")}
      alerts={<InboxCodeHidden view={view} />}
      forms={{ titled: stepUp }}
      footer={
        stepUp || flow.refresh ? (
          <LogoutButton label={t("signOutOther")} />
        ) : (
          <>
            {identifier ? (
              // A new flow (Kratos keeps the identifier in this one), going where this one goes.
              <a href={restartFlowPath("login", flow.request_url)} className={linkStyle}>
                {t("otherIdentifier")}
              </a>
            ) : null}
            <Link
              href={`/registration${returnTo ? `?return_to=${encodeURIComponent(returnTo)}` : ""}`}
              className={linkStyle}
            >
              {t("createAccount")}
            </Link>
            <Link href="/recovery" className={linkStyle}>
              {t("forgotPassword")}
            </Link>
          </>
        )
      }
    />
  );
}
