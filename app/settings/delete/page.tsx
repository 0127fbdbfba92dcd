// The settings section "delete" (components/settings/SettingsSectionPage.tsx).
import type { SearchParams } from "@/lib/http/loadFlow";
import { SettingsSectionPage, sectionMetadata } from "@/components/settings/SettingsSectionPage";

export const generateMetadata = () => sectionMetadata("delete");

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <SettingsSectionPage id="delete" searchParams={searchParams} />;
}
