// The settings section "linked-accounts" (components/settings/SettingsSectionPage.tsx).
import type { SearchParams } from "@/lib/http/loadFlow";
import { SettingsSectionPage, sectionMetadata } from "@/components/settings/SettingsSectionPage";

export const generateMetadata = () => sectionMetadata("linked-accounts");

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <SettingsSectionPage id="linked-accounts" searchParams={searchParams} />;
}
