import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm run dev` and `npm test` must start on a bare clone: the bootstrap that installs
// node_modules (scripts/with-deps.mjs) may not reach a package through its static imports,
// since ES modules load every static import before the first line runs.

const scripts = path.resolve(__dirname, "..", "scripts");

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm;

/** Every static import specifier reachable from `file` that is neither `node:` nor a relative path. */
function packagesReachedFrom(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const out: string[] = [];
  for (const [, spec] of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
    if (spec === undefined || spec.startsWith("node:")) continue;
    if (spec.startsWith("./") || spec.startsWith("../")) {
      out.push(...packagesReachedFrom(path.resolve(path.dirname(file), spec), seen));
    } else {
      out.push(`${spec} (from ${path.basename(file)})`);
    }
  }
  return out;
}

describe("the npm scripts' bootstrap", () => {
  it("reaches only node: modules and its own files through static imports", () => {
    expect(packagesReachedFrom(path.join(scripts, "with-deps.mjs"))).toEqual([]);
  });

  it("loads the features' stack modules, which reach only node: modules and their own files too", () => {
    const features = path.join(scripts, "..", "features");
    const modules = readdirSync(features)
      .map((name) => path.join(features, name, "stack.mjs"))
      .filter((file) => existsSync(file));
    expect(modules.length).toBeGreaterThan(0);
    for (const file of modules) expect(packagesReachedFrom(file), file).toEqual([]);
  });

  it("the check sees a package behind a chain of local imports (the bug it guards against)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bootstrap-"));
    writeFileSync(
      path.join(dir, "entry.mjs"),
      'import path from "node:path";\nimport { start } from "./stack.mjs";\n',
    );
    writeFileSync(path.join(dir, "stack.mjs"), 'export { start } from "./provider.mjs";\n');
    writeFileSync(path.join(dir, "provider.mjs"), 'import Provider, { policy } from "oidc-provider";\n');
    expect(packagesReachedFrom(path.join(dir, "entry.mjs"))).toEqual(["oidc-provider (from provider.mjs)"]);
  });

  it("installs before it loads the entry", () => {
    const source = readFileSync(path.join(scripts, "with-deps.mjs"), "utf8");
    const install = source.indexOf("ensureNodeModules(");
    // The entry's import, not a feature's stack module (those reach no package).
    const load = source.indexOf("await import(pathToFileURL(path.join(here, entry.file))");
    expect(install).toBeGreaterThan(0);
    expect(load).toBeGreaterThan(install);
  });

  it("is how every npm script that needs node_modules starts", () => {
    const pkg = JSON.parse(readFileSync(path.join(scripts, "..", "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const direct = Object.entries(pkg.scripts).filter(([, cmd]) =>
      /node scripts\/(dev|test|test-cluster|build-standalone|bench)\.mjs/.test(cmd),
    );
    expect(direct).toEqual([]);
    expect(pkg.scripts.dev).toBe("node scripts/with-deps.mjs dev");
    expect(pkg.scripts.test).toBe("node scripts/with-deps.mjs test");
  });
});
