// The JavaScript a page of a production build ships, read from the build's manifests: the root
// files every page loads (rootMainFiles) and the files of the page's layouts, boundaries and
// page module (the client reference manifest's entryJSFiles), gzipped at level 9. The polyfill
// file is left out: modern browsers skip it (nomodule). `node bench/page-js.mjs <distDir> /login …`
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

/** The client reference manifest of `route` (e.g. "/login") in `distDir`. */
function referenceManifest(distDir, route) {
  const file = path.join(
    distDir,
    "server",
    "app",
    route === "/" ? "" : route,
    "page_client-reference-manifest.js",
  );
  if (!existsSync(file)) return null;
  const sandbox = { globalThis: {} };
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  return Object.values(sandbox.globalThis.__RSC_MANIFEST ?? {})[0] ?? null;
}

/** Files and gzipped KB of each route's JavaScript in `distDir`. */
export function pageJsFromBuild(distDir, routes) {
  const build = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8"));
  return routes.map((route) => {
    const files = new Set(build.rootMainFiles);
    const manifest = referenceManifest(distDir, route);
    for (const list of Object.values(manifest?.entryJSFiles ?? {})) for (const f of list) files.add(f);
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const body = readFileSync(path.join(distDir, f));
      raw += body.length;
      gz += gzipSync(body, { level: 9 }).length;
    }
    return {
      page: route,
      scripts: files.size,
      raw_kb: +(raw / 1024).toFixed(1),
      gzip_kb: +(gz / 1024).toFixed(1),
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [distDir = ".next", ...routes] = process.argv.slice(2);
  console.table(pageJsFromBuild(distDir, routes.length ? routes : ["/login", "/registration", "/recovery"]));
}
