// The suite's view of the deployment under test (see testConfig.ts), and `requires()` for
// tests that need something a deployment may not expose: they skip and say why.
import { test } from "@playwright/test";
import { has, parseTestConfig, skipReason, type Capability, type TestConfig } from "./testConfig";

function load(): TestConfig {
  const { config, errors } = parseTestConfig(process.env);
  // playwright.config.ts has already printed these and stopped the run; this guards direct imports.
  if (errors.length) throw new Error(`The e2e configuration is incomplete:\n  ${errors.join("\n  ")}`);
  return config;
}

export const testEnv: TestConfig = load();

/** Skips the current test (or every test of the describe block) unless all capabilities are there. */
export function requires(...capabilities: Capability[]): void {
  for (const c of capabilities) test.skip(!has(testEnv, c), skipReason(c));
}
