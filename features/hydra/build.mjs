// Finds or builds the Ory Hydra binary the hydra feature runs. Order: $HYDRA_BIN; a cached build
// of the pin in features/hydra/go/go.mod (.cache/hydra/); else build it from the Go module proxy
// (needs Go and a C compiler), the way scripts/kratos-build.mjs builds Kratos. Never downloaded
// as a binary, never committed.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const moduleDir = path.join(here, "go");
export const HYDRA_VERSION = "v2.3.0";

function pinHash() {
  const h = createHash("sha256");
  for (const f of ["go.mod", "go.sum"]) h.update(readFileSync(path.join(moduleDir, f)));
  return h.digest("hex").slice(0, 16);
}

export function cachedHydraPath() {
  return path.join(root, ".cache", "hydra", `${HYDRA_VERSION}-${pinHash()}`, "hydra");
}

function fail(msg) {
  console.error(`\n[hydra] ${msg}\n`);
  process.exit(1);
}

/** The binary the stacks run: $HYDRA_BIN, else the cached build (ensureHydra() made it). */
export const hydraBinary = () => process.env.HYDRA_BIN || cachedHydraPath();

export async function ensureHydra({ log = console.log } = {}) {
  if (process.env.HYDRA_BIN) {
    if (!existsSync(process.env.HYDRA_BIN)) fail(`HYDRA_BIN=${process.env.HYDRA_BIN} does not exist.`);
    return process.env.HYDRA_BIN;
  }
  const target = cachedHydraPath();
  if (existsSync(target)) return target;
  const go = spawnSync("go", ["version"], { encoding: "utf8" });
  if (go.error || go.status !== 0)
    fail(
      "Go is not installed, so Hydra cannot be built from the Go module proxy.\n" +
        `  Install Go 1.24+ and a C compiler, set HYDRA_BIN=/path/to/hydra (${HYDRA_VERSION}, -tags sqlite),\n` +
        "  or turn the feature off with FEATURES=-hydra.",
    );
  log(`[hydra] building Hydra ${HYDRA_VERSION} (${go.stdout.trim()}); first run only, takes a few minutes…`);
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial`;
  const buildLog = path.join(path.dirname(target), "build.log");
  const logFd = openSync(buildLog, "w");
  const started = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(
      "go",
      [
        "build",
        "-tags",
        "sqlite",
        "-trimpath",
        "-ldflags",
        `-s -w -X github.com/ory/hydra/v2/driver/config.Version=${HYDRA_VERSION}`,
        "-o",
        tmp,
        "github.com/ory/hydra/v2",
      ],
      { cwd: moduleDir, stdio: ["ignore", logFd, logFd], env: { ...process.env, CGO_ENABLED: "1" } },
    );
    const ticker = setInterval(
      () => log(`[hydra] still building… ${Math.round((Date.now() - started) / 1000)}s`),
      30_000,
    );
    child.on("exit", (c) => {
      clearInterval(ticker);
      resolve(c);
    });
    child.on("error", () => resolve(1));
  });
  closeSync(logFd);
  if (code !== 0) {
    const lastLines = readFileSync(buildLog, "utf8").trimEnd().split("\n").slice(-30).join("\n");
    fail(`\`go build\` of Hydra failed; the end of ${path.relative(root, buildLog)}:\n${lastLines}`);
  }
  renameSync(tmp, target);
  log(`[hydra] built in ${Math.round((Date.now() - started) / 1000)}s → ${path.relative(root, target)}`);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await ensureHydra());
