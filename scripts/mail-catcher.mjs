// The mail catcher a local stack runs: maildev (npm package) or Mailpit (Go binary, built and
// cached by mailpit-build.mjs). Both listen on loopback only; Kratos's courier sends to the SMTP port.
import path from "node:path";
import { ensureMailpit } from "./mailpit-build.mjs";

/**
 * How to start the catcher: { cmd, args, readyPath }. `root` is the repository (for
 * node_modules/.bin), `dataDir` where Mailpit keeps its database.
 */
export async function mailCatcherCommand(kind, { root, smtpPort, webPort, dataDir, log }) {
  if (kind === "mailpit") {
    return {
      cmd: await ensureMailpit({ log }),
      args: [
        "--smtp",
        `127.0.0.1:${smtpPort}`,
        "--listen",
        `127.0.0.1:${webPort}`,
        "--database",
        path.join(dataDir, "mailpit.db"),
        // Keep every message of a test run (the default prunes beyond 500), and stay offline.
        "--max",
        "0",
        "--disable-version-check",
      ],
      readyPath: "/readyz",
    };
  }
  return {
    cmd: path.join(root, "node_modules", ".bin", "maildev"),
    args: [
      "--smtp",
      String(smtpPort),
      "--web",
      String(webPort),
      "--ip",
      "127.0.0.1",
      "--web-ip",
      "127.0.0.1",
    ],
    readyPath: "/api/healthz",
  };
}
