// `npm run test:cluster`: builds the standalone server, starts the production-shaped stack
// (scripts/cluster.mjs) and runs the Playwright suite against it, reached only through the
// variables a QA team would set for their own deployment. Extra arguments go to Playwright.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildStandalone, startCluster } from "./cluster.mjs";
import { ensureKratos } from "./kratos-build.mjs";
import { root } from "./stack.mjs";

const t0 = Date.now();
const secs = (from) => `${Math.round((Date.now() - from) / 1000)}s`;

let cluster;
try {
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
  // Only what a QA team sets: the suite learns nothing else about this stack.
  const env = { ...process.env };
  for (const k of ["KRATOS_PUBLIC_URL_DIRECT", "FAULT_CONTROL_URL"]) delete env[k];
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
} finally {
  await stopAll();
}
console.log(`[test:cluster] total ${secs(t0)}`);
process.exit(code);
