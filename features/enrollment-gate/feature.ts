// The enrollment gate: after sign-in, /continue sends a user without an independent second
// factor to /secure-account once per browser.
import type { FeatureManifest } from "@/features/manifest";
import { ROUTES } from "@/features/enrollment-gate/policy/routes";
import en from "@/features/enrollment-gate/messages/en.json";
import de from "@/features/enrollment-gate/messages/de.json";

export const enrollmentGate: FeatureManifest = {
  name: "enrollment-gate",
  routes: ROUTES,
  messages: { en, de },
  e2eTag: "@enrollment-gate",
};
