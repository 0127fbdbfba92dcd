// Settings: the profile section, and the navigation to the others (components/settings/SettingsSectionPage.tsx).
import type { SearchParams } from "@/lib/http/loadFlow";
import { SettingsSectionPage, sectionMetadata } from "@/components/settings/SettingsSectionPage";

export const generateMetadata = () => sectionMetadata("profile");

export default function SettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <SettingsSectionPage id="profile" searchParams={searchParams} />;
}
