// What a feature contributes to the app (features/README.md): its rows of the app map, its
// catalog namespaces and the tag of its end-to-end tests. Its environment variables are the rows
// of lib/envVariables.ts whose `feature` is its name; its stack services and Kratos fragment are in
// its stack.mjs.
import type { FeatureName } from "@/features/selection.mjs";
import type { AppRoute } from "@/lib/policy/appMap";
import type { Locale } from "@/lib/i18n/locales";

/** One language's namespaces: `{ namespace: { key: text or nested keys } }`. */
export type Namespaces = Record<string, Record<string, unknown>>;

export interface FeatureManifest {
  name: FeatureName;
  routes: readonly AppRoute[];
  /** Merged into every catalog (lib/i18n/catalogs.ts); a namespace is the feature's alone. */
  messages: Record<Locale, Namespaces>;
  /** On the title of each of its end-to-end tests; the suite skips them while it is off. */
  e2eTag: `@${string}`;
}
