// The spelling oracle (kratos/spelling): a Go program that answers how Kratos v1.3.1 spells
// identifiers and addresses by calling Kratos's own code. The identifier-spelling tests compare
// lib/policy/identifierSpelling.ts with it. Built into .cache/ with the Kratos build's flags
// (scripts/kratos-build.mjs), so the two share Go's build cache; rebuilt only when its source,
// its module pin or the Go toolchain (whose Unicode tables Kratos uses) changes.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SPELLING_MODULE = path.join(root, "kratos", "spelling");

function goVersion() {
  const go = spawnSync("go", ["env", "GOVERSION"], { encoding: "utf8" });
  return go.error || go.status !== 0 ? null : go.stdout.trim();
}

/** Why the oracle cannot be built on this machine, or null when it can. */
export function spellingOracleMissing() {
  return goVersion() === null
    ? "Go is not installed (`go` is not on PATH), so Kratos's own spelling cannot be asked. Install Go 1.24+ and a C compiler."
    : null;
}

function sourceHash(version) {
  const h = createHash("sha256").update(version);
  const files = readdirSync(SPELLING_MODULE)
    .filter((f) => f === "go.mod" || f === "go.sum" || f.endsWith(".go"))
    .sort();
  for (const f of files) h.update(f).update(readFileSync(path.join(SPELLING_MODULE, f)));
  return h.digest("hex").slice(0, 16);
}

/** The oracle's binary, built first when its source, pin or Go changed. Rejects when it cannot be. */
export async function ensureSpellingOracle({ log = () => {} } = {}) {
  const version = goVersion();
  if (version === null) throw new Error(spellingOracleMissing());
  const target = path.join(root, ".cache", "kratos-spelling", sourceHash(version), "spelling");
  if (existsSync(target)) return target;
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial`;
  const started = Date.now();
  log(`[spelling] building the Kratos spelling oracle (${version})…`);
  const { code, stderr } = await new Promise((resolve) => {
    const child = spawn("go", ["build", "-tags", "sqlite", "-trimpath", "-o", tmp, "."], {
      cwd: SPELLING_MODULE,
      stdio: ["ignore", "inherit", "pipe"],
      env: { ...process.env, CGO_ENABLED: "1" },
    });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (c) => resolve({ code: c, stderr: err }));
    child.on("error", (e) => resolve({ code: 1, stderr: String(e) }));
  });
  if (code !== 0) throw new Error(`go build of kratos/spelling failed:\n${stderr}`);
  renameSync(tmp, target);
  log(`[spelling] built in ${Math.round((Date.now() - started) / 1000)}s → ${path.relative(root, target)}`);
  return target;
}

/** Kratos's answers for `inputs`, in order, from one run of the oracle. */
export async function askKratosSpelling(binary, inputs) {
  const child = spawn(binary, [], { stdio: ["pipe", "pipe", "pipe"] });
  const out = [];
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (d) => out.push(d));
  child.stderr.setEncoding("utf8").on("data", (d) => (err += d));
  const exited = new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", resolve);
  });
  // An oracle that dies early closes its stdin: the exit code below says why, not an EPIPE.
  child.stdin.on("error", () => {});
  child.stdin.end(inputs.map((s) => JSON.stringify(s)).join("\n"));
  const code = await exited;
  if (code !== 0) throw new Error(`the spelling oracle exited with ${code}: ${err}`);
  const answers = out
    .join("")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  if (answers.length !== inputs.length) {
    throw new Error(`the spelling oracle answered ${answers.length} of ${inputs.length} strings`);
  }
  return answers;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await ensureSpellingOracle({ log: console.log }));
}
