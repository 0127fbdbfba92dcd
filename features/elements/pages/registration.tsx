import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ElementsScreen } from "@/features/elements/components/ElementsScreen";
import { prepareElementsFlow } from "@/features/elements/components/prepareElementsFlow";
import { param, type SearchParams } from "@/lib/http/loadFlow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registration"))("title") };
}

export default async function ElementsRegistrationPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const prepared = await prepareElementsFlow("registration", sp);
  if (prepared.view) return prepared.view;
  return <ElementsScreen notice={param(sp, "notice")} flow={{ kind: "registration", flow: prepared.flow }} />;
}
