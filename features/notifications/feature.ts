// Security notifications: mails to the account owner after sign-ins from new devices and changes
// of credentials, from Kratos's after-hooks (features/notifications/stack.mjs) and the app's own
// session routes. docs/notifications.md.
import type { FeatureManifest } from "@/features/manifest";
import { ROUTES } from "@/features/notifications/policy/routes";
import en from "@/features/notifications/messages/en.json";
import de from "@/features/notifications/messages/de.json";

export const notifications: FeatureManifest = {
  name: "notifications",
  routes: ROUTES,
  messages: { en, de },
  e2eTag: "@notifications",
};
