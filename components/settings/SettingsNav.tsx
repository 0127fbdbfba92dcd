import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SettingsSection, SettingsSectionId } from "@/lib/policy/settingsSections";
import type { SectionStatusLine } from "@/lib/kratos/settingsStatus";

/** A section's status lines in the reader's words (dates in UTC, like the sessions list). */
export async function statusWords(lines: readonly SectionStatusLine[]): Promise<string[]> {
  const [t, format] = await Promise.all([getTranslations("settings.status"), getFormatter()]);
  return lines.map((l) =>
    t(l.key, {
      count: l.count ?? 0,
      date: l.date ? format.dateTime(new Date(l.date), { dateStyle: "medium", timeZone: "UTC" }) : "",
    }),
  );
}

/**
 * The settings sections as plain links (no JavaScript needed), the current one marked with
 * aria-current. Beside the card on wide screens, with each section's status; above it on narrow
 * ones, as rows of links that wrap (no sideways scrolling, and no JavaScript to bring the current
 * one into view), without the status, which the section's own header shows there.
 */
export async function SettingsNav({
  sections,
  current,
  status,
}: {
  sections: readonly SettingsSection[];
  current: SettingsSectionId;
  /** Each section's status in words; a section without any is absent. */
  status: Partial<Record<SettingsSectionId, string[]>>;
}) {
  const t = await getTranslations("settings");
  return (
    <nav aria-label={t("nav")} className="min-w-0" data-testid="settings-nav">
      <ul className="flex flex-wrap gap-2 sm:flex-col">
        {sections.map((s) => {
          const here = s.id === current;
          return (
            <li key={s.id}>
              <Link
                href={s.path}
                aria-current={here ? "page" : undefined}
                className={`block rounded-control border px-3 py-2 text-sm ${
                  here
                    ? "border-brand bg-surface font-semibold text-fg"
                    : "border-line text-link hover:bg-surface-muted"
                }`}
              >
                <span className="block whitespace-nowrap">{t(`sections.${s.id}.title`)}</span>
                {status[s.id]?.map((line) => (
                  <span
                    key={line}
                    className="hidden text-xs font-normal whitespace-nowrap text-muted sm:block"
                  >
                    {line}
                  </span>
                ))}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
