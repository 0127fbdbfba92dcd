// Account deletion: the "Delete account" section of /settings and its form post (/account/delete).
import type { FeatureManifest } from "@/features/manifest";
import { ROUTES } from "@/features/account-deletion/policy/routes";
import en from "@/features/account-deletion/messages/en.json";
import de from "@/features/account-deletion/messages/de.json";

export const accountDeletion: FeatureManifest = {
  name: "account-deletion",
  routes: ROUTES,
  messages: { en, de },
  e2eTag: "@account-deletion",
};
