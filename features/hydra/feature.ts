// The app as Ory Hydra's login, consent and logout UI (docs/hydra.md): its /oauth2/ rows and
// the catalogs' namespace of its pages. HYDRA_ADMIN_URL is its one setting.
import type { FeatureManifest } from "@/features/manifest";
import { ROUTES } from "@/features/hydra/policy/routes";
import en from "@/features/hydra/messages/en.json";
import de from "@/features/hydra/messages/de.json";

export const hydra: FeatureManifest = {
  name: "hydra",
  routes: ROUTES,
  messages: { en, de },
  e2eTag: "@hydra",
};
