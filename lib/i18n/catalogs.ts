// The message catalogs, one per language in lib/i18n/locales.ts: the core's (messages/) with each
// feature's namespaces merged in (features/<name>/messages/). Server-side only: pages render
// their words on the server and pass client components just the strings they need. The
// product's name is the brand's (brand/brand.mjs): a message says `{product}`, filled here once
// for every page, the 503 page and the metadata alike.
import en from "@/messages/en.json";
import de from "@/messages/de.json";
import { BRAND } from "@/brand/brand.mjs";
import type { Locale } from "@/lib/i18n/locales";
import { FEATURE_MANIFESTS } from "@/features/index";
import type { Namespaces } from "@/features/manifest";

export type Messages = typeof en & Namespaces;

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

function withFeatures(core: typeof en, locale: Locale): Messages {
  const merged: Messages = { ...core };
  for (const f of FEATURE_MANIFESTS)
    for (const [namespace, words] of Object.entries(f.messages[locale])) {
      // A namespace belongs to one part of the app: a clash fails at start and in lib/i18n/catalogs.test.ts.
      if (namespace in merged) throw new Error(`${f.name} redeclares the catalog namespace "${namespace}"`);
      merged[namespace] = words;
    }
  return merged;
}

/** The catalogs as written, the features' namespaces merged in: `{product}` unfilled. */
export const SOURCES: Record<Locale, Messages> = { en: withFeatures(en, "en"), de: withFeatures(de, "de") };

export const CATALOGS = Object.fromEntries(
  Object.entries(SOURCES).map(([locale, catalog]) => [locale, withProduct(catalog, BRAND.name)]),
) as Record<Locale, Messages>;
