// `npm test`: unit tests, then the Playwright suite against a freshly started test stack on its
// own ports and its own fresh SQLite (so it can run beside `npm run dev`).
// `npm run test:cluster` (--cluster): the suite against the production-shaped cluster instead,
// then its TLS front door checked with testssl.sh (scripts/tls-audit.mjs).
// The suite learns the stack only through the variables the stack gives (startStack's `env`).
// Extra arguments go to Playwright: `npm test -- e2e/auth.spec.ts`.
import { spawn } from "node:child_process";
import { bin, buildStandalone, root, stackChoices, stackSettings, startStack } from "./stack.mjs";
import { auditTls, findTestssl } from "./tls-audit.mjs";

const cluster = process.argv.includes("--cluster");
const args = process.argv.slice(2).filter((a) => a !== "--cluster");
const tag = cluster ? "[test:cluster]" : "[test]";
const t0 = Date.now();
const secs = (from) => `${Math.round((Date.now() - from) / 1000)}s`;

function step(cmd, stepArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, stepArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

let stack;
const stopAll = async () => stack?.stop();
process.on("SIGINT", () => stopAll().then(() => process.exit(130)));
process.on("SIGTERM", () => stopAll().then(() => process.exit(143)));

try {
  // A wrong FEATURES, UI_KIT or MAIL_CATCHER, or a missing testssl, fails at once, not after a build.
  const choices = stackChoices();
  if (cluster && !findTestssl())
    throw new Error("testssl not found: install Debian's testssl.sh (or set TESTSSL_BIN)");
  if (!cluster) {
    console.log(`${tag} unit tests (vitest)…`);
    const t = Date.now();
    if ((await step(bin("vitest"), ["run"])) !== 0) process.exit(1);
    console.log(`${tag} unit tests done in ${secs(t)}`);
  }
  let t = Date.now();
  if (cluster) await buildStandalone();
  else {
    const s = stackSettings("test");
    console.log(`${tag} building the app (next build)…`);
    // The build reads no secrets; the running app does. APP_URL only marks the build's origin.
    if ((await step(bin("next"), ["build"], { NEXT_DIST_DIR: s.distDir, APP_URL: s.appUrl })) !== 0)
      throw new Error("next build failed");
  }
  console.log(`${tag} app built in ${secs(t)}`);
  t = Date.now();
  // Password hashing speed is not under test (the test profile's cost 4; `npm run dev -- --cluster`
  // keeps Kratos's default).
  stack = await startStack(cluster ? "cluster" : "test", { choices, ...(cluster ? { bcryptCost: 4 } : {}) });
  console.log(`${tag} stack up in ${secs(t)}`);
} catch (err) {
  console.error(`\n${tag} ${err.message}`);
  await stopAll();
  process.exit(1);
}

let code = 1;
try {
  const t = Date.now();
  // Only what the stack gives: nothing else the shell holds about a stack reaches the suite.
  const env = { ...process.env };
  for (const k of [
    "FAULT_CONTROL_URL",
    "CLUSTER_CONTROL_URL",
    "CLUSTER_INSTANCE_URLS",
    "OIDC_TEST_PROVIDER_URL",
  ])
    delete env[k];
  code = await new Promise((resolve) => {
    const child = spawn(bin("playwright"), ["test", ...args], {
      cwd: root,
      stdio: "inherit",
      env: { ...env, ...stack.env },
    });
    child.on("exit", (c) => resolve(c ?? 1));
  });
  console.log(`${tag} end-to-end tests done in ${secs(t)}`);
  if (code !== 0) console.log(`${tag} report with traces of the failures: npx playwright show-report`);
  if (cluster) {
    const tls = await auditTls({ appUrl: stack.settings.appUrl, ca: stack.ca });
    if (tls.problems.length) {
      console.log(tls.report?.trim() ?? "");
      console.error(`${tag} TLS front door: ${tls.problems.length} problem(s):`);
      for (const p of tls.problems) console.error(`  - ${p}`);
      code ||= 1;
    }
    console.log(`${tag} TLS front door checked (testssl) in ${Math.round(tls.seconds)}s`);
  }
} finally {
  await stopAll();
}
console.log(`${tag} total ${secs(t0)}`);
process.exit(code);
