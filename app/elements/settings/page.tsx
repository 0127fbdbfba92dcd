import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoadErrorView } from "@/components/ErrorView";
import { ElementsScreen } from "@/components/elements/ElementsScreen";
import { startFailure } from "@/components/elements/startFailure";
import { withRequestNonce } from "@/lib/http/elementsFlow";
import { loadFlow, param, type SearchParams } from "@/lib/http/loadFlow";
import { validatedReturnTo } from "@/lib/http/returnTo";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function ElementsSettingsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const failed = startFailure(sp, "settings");
  if (failed) return failed;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const loaded = await loadFlow("settings", sp, { return_to: returnTo }, returnTo, "elements");
  if (loaded.error) return <LoadErrorView error={loaded.error} retryHref="/elements/settings" />;
  const flow = await withRequestNonce(loaded.flow);
  return <ElementsScreen notice={param(sp, "notice")} flow={{ kind: "settings", flow }} />;
}
