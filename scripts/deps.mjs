// Installs npm dependencies when they are missing or older than package.json.
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

export async function ensureNodeModules(root, log = console.log) {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const pkg = path.join(root, "package.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(pkg).mtimeMs) return;
  log("[deps] installing npm dependencies (npm install)…");
  // `npm ci` rejects lockfiles that miss optional binaries for other platforms.
  const code = await new Promise((resolve) => {
    const child = spawn("npm", ["install", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
    child.on("exit", (c) => resolve(c ?? 1));
    child.on("error", () => resolve(1));
  });
  if (code !== 0) {
    console.error("[deps] npm install failed");
    process.exit(1);
  }
}
