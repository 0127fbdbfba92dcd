// The message catalogs, one per language in lib/i18n/locales.ts: the core's (messages/) with each
// feature's namespaces merged in (features/<name>/messages/). Server-side only: pages render
// their words on the server and pass client components just the strings they need.
import en from "@/messages/en.json";
import de from "@/messages/de.json";
import type { Locale } from "@/lib/i18n/locales";
import { FEATURE_MANIFESTS } from "@/features/index";
import type { Namespaces } from "@/features/manifest";

export type Messages = typeof en & Namespaces;

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

export const CATALOGS: Record<Locale, Messages> = { en: withFeatures(en, "en"), de: withFeatures(de, "de") };
