// The entry of every npm script that needs node_modules (`npm run dev`, `npm test`, …).
// ES modules resolve all their static imports before any line runs, so a script that installs
// dependencies cannot import anything that needs them. This file therefore imports only
// `node:` modules and deps.mjs (test/bootstrap.test.ts keeps it that way), installs, and only
// then loads the script it was asked for.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureNodeModules } from "./deps.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const ENTRIES = {
  dev: "dev.mjs",
  test: "test.mjs",
  "test-cluster": "test-cluster.mjs",
  "build-standalone": "build-standalone.mjs",
  bench: "bench.mjs",
};

const [name, ...args] = process.argv.slice(2);
const entry = ENTRIES[name];
if (!entry) {
  console.error(`usage: node scripts/with-deps.mjs <${Object.keys(ENTRIES).join("|")}> [args…]`);
  process.exit(2);
}
ensureNodeModules(path.resolve(here, ".."));
// Next's telemetry is off in the stacks these scripts run (dev, test, bench, cluster), and its
// first-run notice with it: a reference app does not send usage data on its users' behalf.
// NEXT_TELEMETRY_DISABLED=0 turns it back on.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// The entry reads its own arguments from process.argv, as if it had been started directly.
process.argv = [process.argv[0], path.join(here, entry), ...args];
await import(pathToFileURL(path.join(here, entry)).href);
