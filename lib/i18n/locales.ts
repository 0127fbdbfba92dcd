// Which language a request gets: the switcher's cookie, else the browser's Accept-Language,
// else English. Pure. Adding a language: its catalog in messages/, its code here and in
// lib/i18n/catalogs.ts.

export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Set by the language switcher (app/locale/route.ts). */
export const LOCALE_COOKIE = "locale";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** The best supported language in an Accept-Language header ("de-CH, en;q=0.8"), by q then order. */
export function fromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.trim().toLowerCase().split("-")[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.lang).find(isLocale);
}

export function negotiateLocale(
  cookie: string | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  return isLocale(cookie) ? cookie : (fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE);
}

/** The locale for a raw request (the 503 page, served without React): cookie, then header. */
export function localeOfHeaders(headers: Headers): Locale {
  const cookie = (headers.get("cookie") ?? "")
    .split(";")
    .map((c) => c.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return negotiateLocale(cookie, headers.get("accept-language"));
}
