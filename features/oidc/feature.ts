// Sign-in with an OpenID provider. Kratos serves it (the BFF forwards its callback), so the app
// side has one page, the linked-accounts section of the settings: it draws the provider buttons
// Kratos sends, and reads two settings (OIDC_PROVIDER_ORIGINS, OIDC_MAILBOX_PROVIDERS), both
// ignored while it is off.
import type { FeatureManifest } from "@/features/manifest";
import { ROUTES } from "@/features/oidc/policy/routes";

export const oidc: FeatureManifest = {
  name: "oidc",
  routes: ROUTES,
  messages: { en: {}, de: {} },
  e2eTag: "@oidc",
};
