// Finds or builds the Kratos binary this app runs against. Order: $KRATOS_BIN; a `kratos`
// on PATH that reports the pinned version; a cached build of the pin in kratos/go.mod;
// else build it from the Go module proxy (needs Go and a C compiler).
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const moduleDir = path.join(root, "kratos");
const KRATOS_VERSION = "v1.3.1";

function pinHash() {
  const h = createHash("sha256");
  for (const f of ["go.mod", "go.sum"]) h.update(readFileSync(path.join(moduleDir, f)));
  return h.digest("hex").slice(0, 16);
}

export function cachedKratosPath() {
  return path.join(root, ".cache", "kratos", `${KRATOS_VERSION}-${pinHash()}`, "kratos");
}

function fail(msg) {
  console.error(`\n[kratos] ${msg}\n`);
  process.exit(1);
}

export async function ensureKratos({ log = console.log } = {}) {
  if (process.env.KRATOS_BIN) {
    if (!existsSync(process.env.KRATOS_BIN)) fail(`KRATOS_BIN=${process.env.KRATOS_BIN} does not exist.`);
    return process.env.KRATOS_BIN;
  }
  const onPath = spawnSync("kratos", ["version"], { encoding: "utf8" });
  if (!onPath.error && onPath.status === 0) {
    if (onPath.stdout.includes(KRATOS_VERSION)) return "kratos";
    log(`[kratos] ignoring the kratos on PATH: it is not ${KRATOS_VERSION}`);
  }
  const target = cachedKratosPath();
  if (existsSync(target)) return target;

  const go = spawnSync("go", ["version"], { encoding: "utf8" });
  if (go.error || go.status !== 0) {
    fail(
      "Go is not installed, so Kratos cannot be built from the Go module proxy.\n" +
        "  Install Go 1.24+ and a C compiler (SQLite needs cgo), or put a Kratos " +
        KRATOS_VERSION +
        " binary\n" +
        "  built with -tags sqlite on PATH as `kratos`, or set KRATOS_BIN=/path/to/kratos.",
    );
  }
  log(
    `[kratos] building Kratos ${KRATOS_VERSION} (${go.stdout.trim()}); first run only, takes a few minutes…`,
  );
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial`;
  // Go's output (a few hundred "downloading" lines on a first build) goes to a file; the
  // terminal gets a line every 30 s, and the file's end if the build fails.
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
        `-s -w -X github.com/ory/kratos/driver/config.Version=${KRATOS_VERSION}`,
        "-o",
        tmp,
        "github.com/ory/kratos",
      ],
      { cwd: moduleDir, stdio: ["ignore", logFd, logFd], env: { ...process.env, CGO_ENABLED: "1" } },
    );
    const ticker = setInterval(
      () => log(`[kratos] still building… ${Math.round((Date.now() - started) / 1000)}s`),
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
    fail(
      `\`go build\` of Kratos failed; the end of ${path.relative(root, buildLog)}:\n${lastLines}\n\n` +
        "  A C compiler (gcc) is required for SQLite.",
    );
  }
  renameSync(tmp, target);
  log(`[kratos] built in ${Math.round((Date.now() - started) / 1000)}s → ${path.relative(root, target)}`);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bin = await ensureKratos();
  console.log(bin);
}
