import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import { parseTestConfig, VARIABLES } from "./e2e/support/testConfig";

// Runs against BASE_URL (npm test starts a fresh stack and sets it). Point it at any deployment
// of this app, with MAIL_API_URL at its mail catcher, to run the same suite there; every
// variable is read and checked in e2e/support/testConfig.ts.
const { config: env, errors, absent } = parseTestConfig(process.env);
// Workers load this file too; say it once, from the runner.
if (process.env.TEST_WORKER_INDEX === undefined) {
  if (errors.length) {
    console.error(
      `\n[e2e] cannot start:\n  ${errors.join("\n  ")}\n\nVariables:\n${VARIABLES.map((v) => `  ${v.name.padEnd(25)}${v.what}`).join("\n")}\n`,
    );
    process.exit(2);
  }
  console.log(`[e2e] ${env.baseUrl}, mail via ${env.mailCatcher} at ${env.mailApiUrl}`);
  for (const a of absent) console.log(`[e2e] ${a}`);
}
// A deployment with a self-signed certificate (the cluster profile) passes the SHA-256 of its
// public key: Chromium then treats the certificate as valid, which WebAuthn requires.
const trustedSpki = env.tlsCertSpki;
const chromium = env.chromiumPath ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: env.workers ?? 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // The HTML report (playwright-report/) keeps the trace and screenshot of every failure; the
  // skipped tests are listed at the end with their reasons.
  reporter: [["list"], ["./e2e/support/skipReasons.ts"], ["html", { open: "never" }]],
  use: {
    baseURL: env.baseUrl,
    // The app picks its language from Accept-Language: the page objects use English names.
    locale: "en-US",
    ignoreHTTPSErrors: Boolean(trustedSpki),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
        ...(trustedSpki ? [`--ignore-certificate-errors-spki-list=${trustedSpki}`] : []),
      ],
    },
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, grepInvert: /@fault/ },
    // Resilience tests take Kratos away from the app, so they run alone, after the rest.
    {
      name: "fault",
      use: { browserName: "chromium" },
      grep: /@fault/,
      dependencies: ["chromium"],
      fullyParallel: false,
    },
  ],
});
