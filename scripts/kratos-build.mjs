// Finds or builds the Kratos binary this app runs against. Order: $KRATOS_BIN; a `kratos`
// on PATH that reports the pinned version; a cached build of the pin in kratos/go.mod;
// else build it from the Go module proxy (needs Go and a C compiler; scripts/go-build.mjs).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureGoBuild } from "./go-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const KRATOS_VERSION = "v1.3.1";
const build = {
  root,
  name: "kratos",
  version: KRATOS_VERSION,
  moduleDir: path.join(root, "kratos"),
  pkg: "github.com/ory/kratos",
  versionVar: "github.com/ory/kratos/driver/config.Version",
  noGo:
    "Install Go 1.24+ and a C compiler (SQLite needs cgo), or put a Kratos " +
    `${KRATOS_VERSION} binary\n  built with -tags sqlite on PATH as \`kratos\`, or set KRATOS_BIN=/path/to/kratos.`,
  failHint: "\n\n  A C compiler (gcc) is required for SQLite.",
};

export async function ensureKratos({ log = console.log } = {}) {
  if (process.env.KRATOS_BIN) {
    if (!existsSync(process.env.KRATOS_BIN)) {
      console.error(`\n[kratos] KRATOS_BIN=${process.env.KRATOS_BIN} does not exist.\n`);
      process.exit(1);
    }
    return process.env.KRATOS_BIN;
  }
  const onPath = spawnSync("kratos", ["version"], { encoding: "utf8" });
  if (!onPath.error && onPath.status === 0) {
    if (onPath.stdout.includes(KRATOS_VERSION)) return "kratos";
    log(`[kratos] ignoring the kratos on PATH: it is not ${KRATOS_VERSION}`);
  }
  return ensureGoBuild(build, { log });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bin = await ensureKratos();
  console.log(bin);
}
