// `npm run dev`: Kratos + maildev + `next dev`, on the embedded SQLite default.
import { ensureNodeModules } from "./deps.mjs";
import { root, startStack } from "./stack.mjs";

ensureNodeModules(root);

let stack;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log("\n[dev] stopping Kratos, maildev and the app…");
  await stack?.stop();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

try {
  stack = await startStack("dev", { app: "dev" });
} catch {
  process.exit(1);
}
const s = stack.settings;
console.log(`
  App        ${s.appUrl}
  Mail UI    ${s.mailUrl}   (verification and recovery codes land here)
  Kratos     ${s.kratosPublicUrl} (public), ${s.kratosAdminUrl} (admin): loopback only
  Logs       .data/dev/kratos.log, .data/dev/maildev.log

  Ctrl-C stops everything.
`);
for (const c of stack.children) {
  c.on("exit", (code) => {
    if (!stopping) {
      console.error(`[dev] a process exited unexpectedly (code ${code}); see the logs above.`);
      shutdown(1);
    }
  });
}
