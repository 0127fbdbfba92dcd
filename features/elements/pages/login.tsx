import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeadEnd } from "@/components/DeadEnd";
import { LoadErrorView } from "@/components/ErrorView";
import { ElementsScreen } from "@/features/elements/components/ElementsScreen";
import { startFailure } from "@/features/elements/components/startFailure";
import { InboxCodeHidden } from "@/components/InboxCodeHidden";
import { getConfig } from "@/lib/config";
import { withRequestNonce } from "@/features/elements/elementsFlow";
import { loadFlow, param, type SearchParams } from "@/lib/http/loadFlow";
import { loginView } from "@/lib/http/loginView";
import { continuePath, elementsFlowPath } from "@/lib/http/paths";
import { validatedReturnTo } from "@/lib/http/returnTo";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

/** The login flow on Ory Elements: the same flow start, step-up filtering and dead end as /login. */
export default async function ElementsLoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const failed = startFailure(sp, "login");
  if (failed) return failed;
  const aal = param(sp, "aal") === "aal2" ? "aal2" : undefined;
  const refresh = param(sp, "refresh") === "true" ? "true" : undefined;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const kratosReturnTo = aal || refresh ? returnTo : new URL(continuePath(returnTo), getConfig().appUrl).href;
  const loaded = await loadFlow(
    "login",
    sp,
    { aal, refresh, return_to: kratosReturnTo },
    returnTo,
    "elements",
  );
  if (loaded.error) return <LoadErrorView error={loaded.error} retryHref="/elements/login" />;

  const view = await loginView(loaded.flow, elementsFlowPath("login", loaded.flow.id));
  if (view.deadEnd) return <DeadEnd supportContact={getConfig().supportContact} provider={view.provider} />;
  const flow = await withRequestNonce({ ...loaded.flow, ui: view.ui });
  return (
    <ElementsScreen
      notice={param(sp, "notice")}
      alerts={<InboxCodeHidden view={view} />}
      flow={{ kind: "login", flow }}
    />
  );
}
