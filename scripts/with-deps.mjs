// The entry of every npm script that needs node_modules (`npm run dev`, `npm test`, …).
// ES modules resolve all their static imports before any line runs, so a script that installs
// dependencies cannot import anything that needs them. This file therefore imports only
// `node:` modules and its own files (test/bootstrap.test.ts keeps it that way), installs, and
// only then loads the script it was asked for.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureNodeModules } from "./deps.mjs";
import { ensureKratos } from "./kratos-build.mjs";
import { selectFeatures } from "../features/selection.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
// Which script each name starts, and whether it runs a stack (Kratos and the features' services).
const ENTRIES = {
  dev: { file: "dev.mjs", kratos: true },
  test: { file: "test.mjs", kratos: true },
  "test-cluster": { file: "test.mjs", kratos: true, args: ["--cluster"] },
  "build-standalone": { file: "build-standalone.mjs", kratos: false },
  bench: { file: "../bench/bench.mjs", kratos: true },
};

const [name, ...args] = process.argv.slice(2);
const entry = ENTRIES[name];
if (!entry) {
  console.error(`usage: node scripts/with-deps.mjs <${Object.keys(ENTRIES).join("|")}> [args…]`);
  process.exit(2);
}
/**
 * The builds of the selected features' stack modules (`build`, features/README.md). A stack
 * module reaches only node: modules and its own files (test/bootstrap.test.ts), so it loads
 * before the install. A FEATURES the entry cannot read builds nothing here; the entry says why.
 */
async function featureBuilds() {
  const selected = selectFeatures(process.env.FEATURES);
  if (!selected.ok) return [];
  const builds = [];
  for (const name of selected.features) {
    const file = path.resolve(here, "..", "features", name, "stack.mjs");
    if (!existsSync(file)) continue;
    const { default: mod } = await import(pathToFileURL(file).href);
    if (mod.build) builds.push(mod.build({ log: console.log }));
  }
  return builds;
}

// On a first run these take minutes, some mostly waiting on the network and others on the CPU,
// so they run side by side.
await Promise.all([
  ensureNodeModules(path.resolve(here, "..")),
  entry.kratos && ensureKratos(),
  ...(entry.kratos ? await featureBuilds() : []),
]);
// Next's telemetry is off in the stacks these scripts run (dev, test, bench, cluster), and its
// first-run notice with it: a reference app does not send usage data on its users' behalf.
// NEXT_TELEMETRY_DISABLED=0 turns it back on.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// The entry reads its own arguments from process.argv, as if it had been started directly.
process.argv = [process.argv[0], path.join(here, entry.file), ...(entry.args ?? []), ...args];
await import(pathToFileURL(path.join(here, entry.file)).href);
