// The settings section "passkeys" (components/settings/SettingsSectionPage.tsx).
import type { SearchParams } from "@/lib/http/loadFlow";
import { SettingsSectionPage, sectionMetadata } from "@/components/settings/SettingsSectionPage";

export const generateMetadata = () => sectionMetadata("passkeys");

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <SettingsSectionPage id="passkeys" searchParams={searchParams} />;
}
