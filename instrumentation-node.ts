import { ConfigError, getConfig } from "@/lib/config";
import { APP_MAP } from "@/features/index";
import { installRequestGuard } from "@/lib/http/requestGuard";

try {
  getConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`\n${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
// The app map (the core's rows and the built-in features') reaches the guard as an argument, here at the edge.
installRequestGuard(APP_MAP);
// Mails queued before a restart (in Redis) are sent without waiting for a new one.
if (getConfig().features.includes("notifications"))
  void import("@/features/notifications/server/runtime").then((m) => m.startWorker());
