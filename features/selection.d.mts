export type FeatureName =
  "oidc" | "elements" | "enrollment-gate" | "account-deletion" | "hydra" | "notifications";
export declare const FEATURE_NAMES: readonly FeatureName[];
export declare function selectFeatures(
  value: string | undefined,
  known?: readonly string[],
): { ok: true; features: FeatureName[] } | { ok: false; error: string };
