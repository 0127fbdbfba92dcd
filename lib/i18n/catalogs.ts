// The message catalogs, one per language in lib/i18n/locales.ts. Server-side only: pages
// render their words on the server and pass client components just the strings they need.
// The product's name is the brand's (brand/brand.mjs): a message says `{product}`, filled
// here once for every page, the 503 page and the metadata alike.
import en from "@/messages/en.json";
import de from "@/messages/de.json";
import { BRAND } from "@/brand/brand.mjs";
import type { Locale } from "@/lib/i18n/locales";

export type Messages = typeof en;

/** Every `{product}` in the catalog's messages replaced by `product`. */
export function withProduct<T>(catalog: T, product: string): T {
  // The result is still ICU message syntax, where these would start an argument or a tag.
  if (/[{}<>]/.test(product)) throw new Error(`The product name cannot contain { } < or >: ${product}`);
  const fill = (v: unknown): unknown =>
    typeof v === "string"
      ? v.replaceAll("{product}", product)
      : Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, fill(x)]));
  return fill(catalog) as T;
}

/** The catalogs as written: `{product}` unfilled. */
export const SOURCES: Record<Locale, Messages> = { en, de };

export const CATALOGS = Object.fromEntries(
  Object.entries(SOURCES).map(([locale, catalog]) => [locale, withProduct(catalog, BRAND.name)]),
) as Record<Locale, Messages>;
