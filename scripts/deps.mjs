// Installs npm dependencies when they are missing or older than package.json.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

export function ensureNodeModules(root, log = console.log) {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const pkg = path.join(root, "package.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(pkg).mtimeMs) return;
  log("[deps] installing npm dependencies (npm install)…");
  // `npm ci` rejects lockfiles that miss optional binaries for other platforms.
  const r = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error("[deps] npm install failed");
    process.exit(1);
  }
}
