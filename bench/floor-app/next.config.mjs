// The page floor (bench/page-floor.mjs): nothing but what a bare app sets. Turbopack, as the
// app's own `next build`, rooted at the project so it finds next and react in its node_modules.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

const config = {
  poweredByHeader: false,
  distDir: process.env.NEXT_DIST_DIR || ".next",
  turbopack: { root: path.join(here, "..", "..") },
};

export default config;
