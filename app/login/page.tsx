import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DeadEnd } from "@/components/DeadEnd";
import { LoadErrorView } from "@/components/ErrorView";
import { FlowScreen } from "@/components/flow/FlowScreen";
import { LogoutButton } from "@/components/LogoutButton";
import { linkStyle } from "@/components/ui/buttonStyles";
import { Notice } from "@/components/ui/Notice";
import { continuePath } from "@/lib/http/paths";
import { currentSessionOr503 } from "@/lib/http/currentSession";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { loadFlow, param, type SearchParams } from "@/lib/http/loadFlow";
import { choiceKey, filterStepUpNodes } from "@/lib/kratos/nodes";
import { getConfig } from "@/lib/config";
import { amrOf } from "@/lib/session/facts";
import { mailboxProviderSignIn } from "@/lib/policy/factors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const aal = param(sp, "aal") === "aal2" ? "aal2" : undefined;
  const refresh = param(sp, "refresh") === "true" ? "true" : undefined;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  // A first sign-in passes through /continue (the enrollment gate); a step-up goes straight back.
  const kratosReturnTo = aal || refresh ? returnTo : new URL(continuePath(returnTo), getConfig().appUrl).href;
  const loaded = await loadFlow("login", sp, { aal, refresh, return_to: kratosReturnTo }, returnTo);
  if (loaded.error) return <LoadErrorView error={loaded.error} retryHref="/login" />;
  const { flow } = loaded;

  const stepUp = flow.requested_aal === "aal2";
  let ui = flow.ui;
  let removedGroups: string[] = [];
  let remaining: string[] = [];
  let provider: string | undefined;
  if (stepUp) {
    const session = await currentSessionOr503(`/login?flow=${encodeURIComponent(flow.id)}`);
    if (session) {
      const policy = getConfig().factorPolicy;
      const filtered = filterStepUpNodes(ui.nodes, amrOf(session), policy);
      ui = { ...ui, nodes: filtered.nodes };
      removedGroups = filtered.removedGroups;
      remaining = filtered.remainingGroups;
      provider = mailboxProviderSignIn(amrOf(session), policy);
      if (remaining.length === 0)
        return <DeadEnd supportContact={getConfig().supportContact} provider={provider} />;
    }
  }

  const [t, all, format] = await Promise.all([getTranslations("login"), getTranslations(), getFormatter()]);
  const variant = stepUp ? "StepUp" : flow.refresh ? "Refresh" : "";
  const choices = remaining.map((g) => {
    const key = choiceKey(g);
    return key && all.has(key) ? all(key) : g;
  });
  return (
    <FlowScreen
      title={t(`title${variant}`)}
      subtitle={t(`subtitle${variant}`)}
      ui={ui}
      idPrefix="login"
      notice={param(sp, "notice")}
      alerts={
        removedGroups.includes("code") ? (
          <Notice kind="info">
            <span data-testid="inbox-code-hidden">
              {provider
                ? t("inboxCodeHiddenProvider", {
                    provider,
                    choices: format.list(choices, { type: "disjunction" }),
                  })
                : t("inboxCodeHidden", { choices: format.list(choices, { type: "disjunction" }) })}
            </span>
          </Notice>
        ) : null
      }
      forms={{ titled: stepUp }}
      footer={
        stepUp || flow.refresh ? (
          <LogoutButton label={t("signOutOther")} />
        ) : (
          <>
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
