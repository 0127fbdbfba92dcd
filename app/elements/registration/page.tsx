import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoadErrorView } from "@/components/ErrorView";
import { ElementsScreen } from "@/components/elements/ElementsScreen";
import { startFailure } from "@/components/elements/startFailure";
import { getConfig } from "@/lib/config";
import { continuePath } from "@/lib/http/paths";
import { withRequestNonce } from "@/lib/http/elementsFlow";
import { loadFlow, param, type SearchParams } from "@/lib/http/loadFlow";
import { validatedReturnTo } from "@/lib/http/returnTo";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registration"))("title") };
}

export default async function ElementsRegistrationPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const failed = startFailure(sp, "registration");
  if (failed) return failed;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const loaded = await loadFlow(
    "registration",
    sp,
    { return_to: new URL(continuePath(returnTo), getConfig().appUrl).href },
    returnTo,
    "elements",
  );
  if (loaded.error) return <LoadErrorView error={loaded.error} retryHref="/elements/registration" />;
  const flow = await withRequestNonce(loaded.flow);
  return <ElementsScreen notice={param(sp, "notice")} flow={{ kind: "registration", flow }} />;
}
