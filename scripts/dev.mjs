// `npm run dev`: Kratos + maildev + a local OpenID provider + `next dev`, on the embedded SQLite default.
// `npm run dev -- --cluster`: the production shape instead (scripts/cluster.mjs).
import { buildStandalone, startCluster } from "./cluster.mjs";
import { startStack } from "./stack.mjs";

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
  if (cluster) {
    await buildStandalone();
    stack = await startCluster();
  } else {
    stack = await startStack("dev", { app: "dev" });
  }
} catch (err) {
  if (cluster) console.error(`\n[dev] ${err.message}`);
  process.exit(1);
}
const s = stack.settings;
if (cluster) {
  const e = stack.env;
  console.log(`
  App        ${s.appUrl}   (nginx, TLS with a certificate made for this run)
  Instances  ${s.instanceUrls.join(", ")}   (standalone servers behind nginx)
  Mail UI    ${s.mailUrl}   (Mailpit)
  OpenID     ${s.oidcIssuerUrl}   (the local provider behind "Local Mail" and "Local SSO", through nginx)
  Kratos     ${s.kratosPublicUrl} (public), ${s.kratosAdminUrl} (admin): loopback only, PostgreSQL
  Logs       .data/cluster/*.log

  Run the Playwright suite against it from another shell:
    BASE_URL=${e.BASE_URL} MAIL_API_URL=${e.MAIL_API_URL} MAIL_CATCHER=${e.MAIL_CATCHER} \\
    KRATOS_ADMIN_URL=${e.KRATOS_ADMIN_URL} KRATOS_PUBLIC_URL_DIRECT=${e.KRATOS_PUBLIC_URL_DIRECT} \\
    OIDC_TEST_PROVIDER_URL=${e.OIDC_TEST_PROVIDER_URL} \\
    CLUSTER_CONTROL_URL=${e.CLUSTER_CONTROL_URL} CLUSTER_INSTANCE_URLS=${e.CLUSTER_INSTANCE_URLS} \\
    TLS_CERT_SPKI=${e.TLS_CERT_SPKI} NODE_EXTRA_CA_CERTS=${e.NODE_EXTRA_CA_CERTS} \\
    npm run test:e2e

  Ctrl-C stops everything.
`);
} else {
  console.log(`
  App        ${s.appUrl}
  Mail UI    ${s.mailUrl}   (verification and recovery codes land here)
  OpenID     ${s.oidcIssuerUrl}   (the local provider behind "Local Mail" and "Local SSO")
  Kratos     ${s.kratosPublicUrl} (public), ${s.kratosAdminUrl} (admin): loopback only
${stack.hydra ? `${stack.hydra.summary.join("\n")}\n` : ""}  Logs       .data/dev/kratos.log, .data/dev/maildev.log, .data/dev/oidc.log

  Ctrl-C stops everything.
`);
}
// The cluster's parts may be stopped on purpose through its fault control port.
for (const c of cluster ? [] : stack.children) {
  c.on("exit", (code) => {
    if (!stopping) {
      console.error(`[dev] a process exited unexpectedly (code ${code}); see the logs above.`);
      shutdown(1);
    }
  });
}
