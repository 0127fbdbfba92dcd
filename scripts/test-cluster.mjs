// `npm run test:cluster`: builds the standalone server, starts the production-shaped stack
// (scripts/cluster.mjs) and runs the Playwright suite against it, reached only through the
// variables the cluster gives (scripts/cluster.mjs `env`), then checks the front door's TLS
// and compression with testssl.sh (scripts/tls-audit.mjs). Extra arguments go to Playwright.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildStandalone, startCluster } from "./cluster.mjs";
import { ensureKratos } from "./kratos-build.mjs";
import { root } from "./stack.mjs";
import { auditTls, findTestssl } from "./tls-audit.mjs";

const t0 = Date.now();
const secs = (from) => `${Math.round((Date.now() - from) / 1000)}s`;

let cluster;
try {
  // Missing testssl fails at once, not after the suite.
  if (!findTestssl()) throw new Error("testssl not found: install Debian's testssl.sh (or set TESTSSL_BIN)");
  await ensureKratos();
  let t = Date.now();
  await buildStandalone();
  console.log(`[test:cluster] standalone build done in ${secs(t)}`);
  t = Date.now();
  // Password hashing speed is not under test (as in `npm test`); `npm run dev -- --cluster` keeps Kratos's default.
  cluster = await startCluster({ bcryptCost: 4 });
  console.log(`[test:cluster] cluster up in ${secs(t)}`);
} catch (err) {
  console.error(`\n[test:cluster] ${err.message}`);
  await cluster?.stop();
  process.exit(1);
}

const stopAll = async () => {
  await cluster.stop();
};
process.on("SIGINT", () => stopAll().then(() => process.exit(130)));
process.on("SIGTERM", () => stopAll().then(() => process.exit(143)));

let code = 1;
try {
  const t = Date.now();
  // Only what the cluster gives: the suite learns nothing else about this stack.
  const env = { ...process.env };
  delete env.FAULT_CONTROL_URL;
  code = await new Promise((resolve) => {
    const child = spawn(
      path.join(root, "node_modules", ".bin", "playwright"),
      ["test", ...process.argv.slice(2)],
      {
        cwd: root,
        stdio: "inherit",
        env: { ...env, ...cluster.env },
      },
    );
    child.on("exit", (c) => resolve(c ?? 1));
  });
  console.log(`[test:cluster] end-to-end tests done in ${secs(t)}`);

  const tls = await auditTls({ appUrl: cluster.settings.appUrl, ca: cluster.ca });
  if (tls.problems.length) {
    console.log(tls.report?.trim() ?? "");
    console.error(`[test:cluster] TLS front door: ${tls.problems.length} problem(s):`);
    for (const p of tls.problems) console.error(`  - ${p}`);
    code ||= 1;
  }
  console.log(`[test:cluster] TLS front door checked (testssl) in ${Math.round(tls.seconds)}s`);
} finally {
  await stopAll();
}
console.log(`[test:cluster] total ${secs(t0)}`);
process.exit(code);
