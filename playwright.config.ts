import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";

// Runs against BASE_URL (npm test starts a fresh stack and sets it). Point it at any
// deployment of this app, with MAIL_API_URL at its maildev, to run the same suite there.
const baseURL = process.env.BASE_URL ?? "http://localhost:3000";
// A deployment with a self-signed certificate (the cluster profile) passes the SHA-256 of its
// public key: Chromium then treats the certificate as valid, which WebAuthn requires.
const trustedSpki = process.env.TLS_CERT_SPKI;
const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.PW_WORKERS ? Number(process.env.PW_WORKERS) : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
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
