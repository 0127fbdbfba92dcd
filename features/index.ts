// The features the app is built with: one line each. Removing a feature's folder removes its line
// here (and its name from features/selection.mjs); FEATURES= turns one off without removing it.
import type { FeatureManifest } from "@/features/manifest";
import { CORE_ROUTES, type AppRoute } from "@/lib/policy/appMap";
import { oidc } from "@/features/oidc/feature";
import { elements } from "@/features/elements/feature";
import { enrollmentGate } from "@/features/enrollment-gate/feature";
import { accountDeletion } from "@/features/account-deletion/feature";
import { hydra } from "@/features/hydra/feature";
import { notifications } from "@/features/notifications/feature";

export const FEATURE_MANIFESTS: readonly FeatureManifest[] = [
  oidc,
  elements,
  enrollmentGate,
  accountDeletion,
  hydra,
  notifications,
];

/** Every URL the app serves: the core's rows, then each feature's (served while it is on). */
export const APP_MAP: readonly AppRoute[] = [...CORE_ROUTES, ...FEATURE_MANIFESTS.flatMap((f) => f.routes)];
