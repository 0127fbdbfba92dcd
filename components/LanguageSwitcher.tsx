import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { linkStyle } from "@/components/ui/buttonStyles";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { LOCALES } from "@/lib/i18n/locales";
import { LOCALE_PATH, REQUEST_PATH_HEADER } from "@/lib/http/paths";

/**
 * A plain form (no JavaScript): each language is a submit button posting to /locale, which
 * sets the cookie and sends the browser back to this page. Each language is named in itself.
 */
export async function LanguageSwitcher() {
  const [t, current, here] = await Promise.all([
    getTranslations("language"),
    getLocale(),
    headers().then((h) => h.get(REQUEST_PATH_HEADER)),
  ]);
  return (
    <footer className="px-4 pb-8 text-center text-sm">
      <form action={LOCALE_PATH} method="post" aria-label={t("label")} className="inline-flex gap-3">
        {here ? <input type="hidden" name="return_to" value={here} /> : null}
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-current={locale === current ? "true" : undefined}
            className={locale === current ? "font-semibold text-fg" : linkStyle}
          >
            {CATALOGS[locale].language.name}
          </button>
        ))}
      </form>
    </footer>
  );
}
