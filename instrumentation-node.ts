import { ConfigError, getConfig } from "@/lib/config";
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
installRequestGuard();
