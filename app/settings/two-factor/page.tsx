// The settings section "two-factor" (components/settings/SettingsSectionPage.tsx).
import type { SearchParams } from "@/lib/http/loadFlow";
import { SettingsSectionPage, sectionMetadata } from "@/components/settings/SettingsSectionPage";

export const generateMetadata = () => sectionMetadata("two-factor");

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <SettingsSectionPage id="two-factor" searchParams={searchParams} />;
}
