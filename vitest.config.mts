import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": here,
      // Lets integration tests import server modules (lib/bff/rateLimiter.ts) directly.
      "server-only": path.join(here, "test/stubs/server-only.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "features/**/*.test.ts", "test/**/*.test.{ts,tsx}"],
    environment: "node",
  },
});
