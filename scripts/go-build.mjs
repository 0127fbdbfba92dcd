// Builds an Ory Go service (Kratos, Hydra) from the Go module proxy into .cache/, once per pin:
// the cache folder is named by the version and a hash of the wrapper module's go.mod and go.sum.
// Never a downloaded binary, never committed.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync } from "node:fs";
import path from "node:path";

/** Where the build of `name` at `version` from the module in `moduleDir` is cached. */
export function cachedBuildPath({ root, name, version, moduleDir }) {
  const h = createHash("sha256");
  for (const f of ["go.mod", "go.sum"]) h.update(readFileSync(path.join(moduleDir, f)));
  return path.join(root, ".cache", name, `${version}-${h.digest("hex").slice(0, 16)}`, name);
}

function fail(name, msg) {
  console.error(`\n[${name}] ${msg}\n`);
  process.exit(1);
}

/**
 * The cached build, made first when missing: `go build -tags sqlite` of `pkg` with its
 * version stamped into `versionVar`. `noGo` and `failHint` tell the user what to do instead.
 * Go's output goes to build.log beside the binary; the terminal gets a line every 30 s, and
 * the log's end when the build fails.
 */
export async function ensureGoBuild(
  { root, name, version, moduleDir, pkg, versionVar, noGo, failHint = "" },
  { log = console.log } = {},
) {
  const target = cachedBuildPath({ root, name, version, moduleDir });
  if (existsSync(target)) return target;
  const go = spawnSync("go", ["version"], { encoding: "utf8" });
  if (go.error || go.status !== 0)
    fail(name, `Go is not installed, so ${name} cannot be built from the Go module proxy.\n  ${noGo}`);
  log(`[${name}] building ${name} ${version} (${go.stdout.trim()}); first run only, takes a few minutes…`);
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial`;
  const buildLog = path.join(path.dirname(target), "build.log");
  const logFd = openSync(buildLog, "w");
  const started = Date.now();
  const args = ["build", "-tags", "sqlite", "-trimpath", "-ldflags", `-s -w -X ${versionVar}=${version}`];
  const code = await new Promise((resolve) => {
    const child = spawn("go", [...args, "-o", tmp, pkg], {
      cwd: moduleDir,
      stdio: ["ignore", logFd, logFd],
      env: { ...process.env, CGO_ENABLED: "1" },
    });
    const ticker = setInterval(
      () => log(`[${name}] still building… ${Math.round((Date.now() - started) / 1000)}s`),
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
      name,
      `\`go build\` of ${name} failed; the end of ${path.relative(root, buildLog)}:\n${lastLines}${failHint}`,
    );
  }
  renameSync(tmp, target);
  log(`[${name}] built in ${Math.round((Date.now() - started) / 1000)}s → ${path.relative(root, target)}`);
  return target;
}
