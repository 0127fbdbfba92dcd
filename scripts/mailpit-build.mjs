// Finds or builds Mailpit, the second mail catcher the suite runs against (the cluster profile
// and `MAIL_CATCHER=mailpit npm test`). Order: $MAILPIT_BIN; a cached build of the pin in
// .cache/mailpit/; else `go install` it from the Go module proxy (pure Go, no C compiler).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const MAILPIT_VERSION = "v1.27.11";
const MODULE = "github.com/axllent/mailpit";

export function cachedMailpitPath() {
  return path.join(root, ".cache", "mailpit", MAILPIT_VERSION, "mailpit");
}

function fail(msg) {
  console.error(`\n[mailpit] ${msg}\n`);
  process.exit(1);
}

export async function ensureMailpit({ log = console.log } = {}) {
  if (process.env.MAILPIT_BIN) {
    if (!existsSync(process.env.MAILPIT_BIN)) fail(`MAILPIT_BIN=${process.env.MAILPIT_BIN} does not exist.`);
    return process.env.MAILPIT_BIN;
  }
  const target = cachedMailpitPath();
  if (existsSync(target)) return target;

  log(`[mailpit] building Mailpit ${MAILPIT_VERSION} from the Go module proxy; first run only…`);
  const gobin = path.join(path.dirname(target), "partial");
  rmSync(gobin, { recursive: true, force: true });
  mkdirSync(gobin, { recursive: true });
  const started = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(
      "go",
      [
        "install",
        "-trimpath",
        "-ldflags",
        `-s -w -X ${MODULE}/config.Version=${MAILPIT_VERSION}`,
        `${MODULE}@${MAILPIT_VERSION}`,
      ],
      { cwd: root, stdio: "inherit", env: { ...process.env, GOBIN: gobin, CGO_ENABLED: "0" } },
    );
    const ticker = setInterval(
      () => log(`[mailpit] still building… ${Math.round((Date.now() - started) / 1000)}s`),
      30_000,
    );
    child.on("exit", (c) => {
      clearInterval(ticker);
      resolve(c);
    });
    child.on("error", () => {
      clearInterval(ticker);
      resolve(127);
    });
  });
  if (code === 127) fail("Go is not installed: install Go 1.24+, or set MAILPIT_BIN=/path/to/mailpit.");
  if (code !== 0) fail("`go install` of Mailpit failed (see above).");
  renameSync(path.join(gobin, "mailpit"), target);
  rmSync(gobin, { recursive: true, force: true });
  log(`[mailpit] built in ${Math.round((Date.now() - started) / 1000)}s → ${path.relative(root, target)}`);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await ensureMailpit());
}
