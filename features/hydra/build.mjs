// Finds or builds the Ory Hydra binary the hydra feature runs. Order: $HYDRA_BIN; a cached build
// of the pin in features/hydra/go/go.mod (.cache/hydra/); else build it from the Go module proxy
// (needs Go and a C compiler; scripts/go-build.mjs, as Kratos is built). Never downloaded as a
// binary, never committed.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cachedBuildPath, ensureGoBuild } from "../../scripts/go-build.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const HYDRA_VERSION = "v2.3.0";
const build = {
  root: path.resolve(here, "..", ".."),
  name: "hydra",
  version: HYDRA_VERSION,
  moduleDir: path.join(here, "go"),
  pkg: "github.com/ory/hydra/v2",
  versionVar: "github.com/ory/hydra/v2/driver/config.Version",
  noGo:
    `Install Go 1.24+ and a C compiler, set HYDRA_BIN=/path/to/hydra (${HYDRA_VERSION}, -tags sqlite),\n` +
    "  or turn the feature off with FEATURES=-hydra.",
};

/** The binary the stacks run: $HYDRA_BIN, else the cached build (ensureHydra() made it). */
export const hydraBinary = () => process.env.HYDRA_BIN || cachedBuildPath(build);

export async function ensureHydra({ log = console.log } = {}) {
  if (process.env.HYDRA_BIN) {
    if (!existsSync(process.env.HYDRA_BIN)) {
      console.error(`\n[hydra] HYDRA_BIN=${process.env.HYDRA_BIN} does not exist.\n`);
      process.exit(1);
    }
    return process.env.HYDRA_BIN;
  }
  return ensureGoBuild(build, { log });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await ensureHydra());
