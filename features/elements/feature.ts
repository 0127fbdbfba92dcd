// Ory Elements as a second UI kit: the same flows under /elements (UI_KIT=elements hands the
// app's flow pages over to them). Its words are the kit's own, so it brings no catalog namespace.
import type { FeatureManifest } from "@/features/manifest";
import { ROUTES } from "@/features/elements/policy/routes";

export const elements: FeatureManifest = {
  name: "elements",
  routes: ROUTES,
  messages: { en: {}, de: {} },
  e2eTag: "@elements",
};
