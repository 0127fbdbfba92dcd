// `npm test`: unit tests, then the Playwright suite against a freshly started stack on
// its own ports and its own fresh SQLite (so it can run beside `npm run dev`).
// Extra arguments go to Playwright: `npm test -- e2e/auth.spec.ts`.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureKratos } from "./kratos-build.mjs";
import { mailCatcherKind } from "./mail-catcher.mjs";
import { root, startStack, stackSettings } from "./stack.mjs";

const bin = (name) => path.join(root, "node_modules", ".bin", name);
const DIST_DIR = ".next-test";
const t0 = Date.now();
const secs = (from) => `${Math.round((Date.now() - from) / 1000)}s`;

function step(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

console.log("[test] unit tests (vitest)…");
let t = Date.now();
if ((await step(bin("vitest"), ["run"])) !== 0) process.exit(1);
console.log(`[test] unit tests done in ${secs(t)}`);

t = Date.now();
await ensureKratos();
// MAIL_CATCHER=mailpit runs the stack and the suite with Mailpit instead of maildev.
const mailCatcher = mailCatcherKind();
const s = stackSettings("test");
console.log("[test] building the app (next build)…");
// The build reads no secrets; the running app does. APP_URL only marks the build's origin.
if ((await step(bin("next"), ["build"], { NEXT_DIST_DIR: DIST_DIR, APP_URL: s.appUrl })) !== 0)
  process.exit(1);
console.log(`[test] app built in ${secs(t)}`);

let stack;
try {
  stack = await startStack("test", {
    app: "start",
    fresh: true,
    mailCatcher,
    // A shorter Kratos timeout keeps the "Kratos is slow" test quick; submissions get 3×.
    // The longest session-check cache TTL: a session ended through the app (sign-out, another
    // device, account deletion) must be refused because of its revocation marker, never because
    // a slow run outlived the cached check. Every BFF path that changes a session's facts clears
    // the cache (lib/policy/bffRoutes.ts), so no other test depends on the TTL.
    extraAppEnv: { NEXT_DIST_DIR: DIST_DIR, KRATOS_TIMEOUT_MS: "4000", SESSION_CACHE_TTL_SECONDS: "3600" },
  });
} catch {
  process.exit(1);
}
let code = 1;
try {
  t = Date.now();
  code = await step(bin("playwright"), ["test", ...process.argv.slice(2)], {
    BASE_URL: s.appUrl,
    MAIL_API_URL: s.mailUrl,
    MAIL_CATCHER: mailCatcher,
    KRATOS_ADMIN_URL: s.kratosAdminUrl,
    FAULT_CONTROL_URL: s.faultControlUrl,
    // Only for the test that shows what a directly exposed Kratos would allow.
    KRATOS_PUBLIC_URL_DIRECT: s.kratosPublicUrl,
    OIDC_TEST_PROVIDER_URL: s.oidcIssuerUrl,
    ...stack.hydra?.testEnv, // hydra feature
  });
  console.log(`[test] end-to-end tests done in ${secs(t)}`);
  if (code !== 0) console.log("[test] report with traces of the failures: npx playwright show-report");
} finally {
  await stack.stop();
}
console.log(`[test] total ${secs(t0)}`);
process.exit(code);
