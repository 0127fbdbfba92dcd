// The message catalogs, one per language in lib/i18n/locales.ts. Server-side only: pages
// render their words on the server and pass client components just the strings they need.
import en from "@/messages/en.json";
import de from "@/messages/de.json";
import type { Locale } from "@/lib/i18n/locales";

export type Messages = typeof en;

export const CATALOGS: Record<Locale, Messages> = { en, de };
