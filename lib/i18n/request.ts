// next-intl's per-request configuration (wired in next.config.ts). No locale in the URL:
// Kratos's ui_urls stay fixed, so the language comes from the cookie or Accept-Language.
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { localeOfHeaders } from "@/lib/i18n/locales";

export default getRequestConfig(async () => {
  // From the raw headers, not cookies(): pages forward the Cookie header to Kratos as it came,
  // and once cookies() has merged the cookie proxy.ts sets, that header lost Kratos's cookies.
  const locale = localeOfHeaders(await headers());
  return { locale, messages: CATALOGS[locale], timeZone: "UTC" };
});
