// The suite's view of the deployment under test (see testConfig.ts), and `requires()` for
// tests that need something a deployment may not expose: they skip and say why.
import { test, type TestInfo } from "@playwright/test";
import type { FeatureName } from "../../features/selection.mjs";
import {
  CAPABILITY_TAG,
  featureOffReason,
  has,
  parseTestConfig,
  skipReason,
  type Capability,
  type TestConfig,
} from "./testConfig";

function load(): TestConfig {
  const { config, errors } = parseTestConfig(process.env);
  // playwright.config.ts has already printed these and stopped the run; this guards direct imports.
  if (errors.length) throw new Error(`The e2e configuration is incomplete:\n  ${errors.join("\n  ")}`);
  return config;
}

export const testEnv: TestConfig = load();

/** A test that needs a capability must carry its tag, or `--grep-invert @admin` would not leave it out. */
function checkTags(info: TestInfo, capabilities: Capability[]): void {
  const missing = capabilities.map((c) => CAPABILITY_TAG[c]).filter((t) => !info.tags.includes(t));
  if (missing.length) throw new Error(`"${info.title}" needs the tag ${[...new Set(missing)].join(", ")}`);
}

function currentTest(): TestInfo | undefined {
  try {
    return test.info();
  } catch {
    return undefined; // called in a describe block, not inside a test
  }
}

/**
 * Skips the current test (or every test of the describe block) unless all capabilities are
 * there, with the variable to set as the reason.
 */
export function requires(...capabilities: Capability[]): void {
  const info = currentTest();
  if (info) checkTags(info, capabilities);
  else test.beforeEach(({}, testInfo) => checkTags(testInfo, capabilities));
  for (const c of capabilities) test.skip(!has(testEnv, c), skipReason(c, testEnv));
}

/**
 * Skips the current test (or the describe block's) when FEATURES turns `feature` off. Such a
 * test carries the feature's tag, `@<feature>`, so that a run can also select or leave them out.
 */
export function requiresFeature(feature: FeatureName): void {
  const check = (info: TestInfo) => {
    if (!info.tags.includes(`@${feature}`)) throw new Error(`"${info.title}" needs the tag @${feature}`);
  };
  const info = currentTest();
  if (info) check(info);
  else test.beforeEach(({}, testInfo) => check(testInfo));
  test.skip(!testEnv.features.includes(feature), featureOffReason(testEnv, feature));
}

/** True when the app under test runs the enrollment gate: sign-ins then pass through /secure-account. */
export const gateRuns = (): boolean => testEnv.features.includes("enrollment-gate");
