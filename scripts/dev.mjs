// `npm run dev`: Kratos + maildev + the selected features' services (FEATURES) + `next dev`, on
// the embedded SQLite default. `npm run dev -- --cluster`: the production shape instead.
import { buildStandalone, startStack } from "./stack.mjs";

const cluster = process.argv.includes("--cluster");

let stack;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log("\n[dev] stopping the stack…");
  await stack?.stop();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

try {
  if (cluster) await buildStandalone();
  stack = await startStack(cluster ? "cluster" : "dev");
} catch (err) {
  console.error(`\n[dev] ${err.message}`);
  process.exit(1);
}
const s = stack.settings;
const e = stack.env;
const lines = cluster
  ? [
      `App        ${s.appUrl}   (nginx, TLS with a certificate made for this run)`,
      `Instances  ${stack.instances.map((i) => i.url).join(", ")}   (standalone servers behind nginx)`,
      `Mail UI    ${s.mailUrl}   (Mailpit)`,
      ...stack.banner,
      `Kratos     ${s.kratosPublicUrl} (public), ${s.kratosAdminUrl} (admin): loopback only, PostgreSQL`,
      "Logs       .data/cluster/*.log",
      "",
      "Run the Playwright suite against it from another shell:",
      `  ${Object.entries(e)
        .map(([k, v]) => `${k}=${v}`)
        .join(" \\\n    ")} \\\n    npm run test:e2e`,
    ]
  : [
      `App        ${s.appUrl}`,
      `Mail UI    ${s.mailUrl}   (verification and recovery codes land here)`,
      ...stack.banner,
      `Kratos     ${s.kratosPublicUrl} (public), ${s.kratosAdminUrl} (admin): loopback only`,
      "Logs       .data/dev/*.log",
    ];
console.log(`\n${[...lines, "", "Ctrl-C stops everything."].map((l) => (l ? `  ${l}` : l)).join("\n")}\n`);
// The cluster's parts may be stopped on purpose through its fault control port.
for (const c of cluster ? [] : Object.values(stack.processes)) {
  c.on("exit", (code) => {
    if (!stopping) {
      console.error(`[dev] a process exited unexpectedly (code ${code}); see the logs above.`);
      shutdown(1);
    }
  });
}
