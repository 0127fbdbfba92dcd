// The entry of every npm script that needs node_modules (`npm run dev`, `npm test`, …).
// ES modules resolve all their static imports before any line runs, so a script that installs
// dependencies cannot import anything that needs them. This file therefore imports only
// `node:` modules and its own files (test/bootstrap.test.ts keeps it that way), installs, and
// only then loads the script it was asked for.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureNodeModules } from "./deps.mjs";
import { ensureKratos } from "./kratos-build.mjs";
import { ensureHydra } from "../features/hydra/build.mjs"; // hydra feature
import { selectFeatures } from "../features/selection.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
// Which script each name starts, and whether it runs Kratos.
const ENTRIES = {
  dev: { file: "dev.mjs", kratos: true },
  test: { file: "test.mjs", kratos: true },
  "test-cluster": { file: "test-cluster.mjs", kratos: true },
  "build-standalone": { file: "build-standalone.mjs", kratos: false },
  bench: { file: "bench.mjs", kratos: true },
};

const [name, ...args] = process.argv.slice(2);
const entry = ENTRIES[name];
if (!entry) {
  console.error(`usage: node scripts/with-deps.mjs <${Object.keys(ENTRIES).join("|")}> [args…]`);
  process.exit(2);
}
// On a first run both take minutes, one mostly waiting on the network and the other on the CPU,
// so they run side by side.
// hydra feature: its build (Go, like Kratos's) runs beside them when the feature is on.
const features = selectFeatures(process.env.FEATURES);
const hydra = ["dev", "test", "bench"].includes(name) && features.ok && features.features.includes("hydra");
await Promise.all([
  ensureNodeModules(path.resolve(here, "..")),
  entry.kratos && ensureKratos(),
  hydra && ensureHydra(),
]);
// Next's telemetry is off in the stacks these scripts run (dev, test, bench, cluster), and its
// first-run notice with it: a reference app does not send usage data on its users' behalf.
// NEXT_TELEMETRY_DISABLED=0 turns it back on.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// The entry reads its own arguments from process.argv, as if it had been started directly.
process.argv = [process.argv[0], path.join(here, entry.file), ...args];
await import(pathToFileURL(path.join(here, entry.file)).href);
