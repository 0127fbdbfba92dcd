import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layers of lib/ hold: lib/policy/ imports nothing that does I/O (the project's ESLint
// config, run here on fixture files placed in the layer), and no module imports itself back
// through others, counting type-only imports, which the lint rule lets pass.

const root = path.resolve(__dirname, "..");
// The project's config; no-cycle needs the file on disk, and the graph test below covers it.
const eslint = new ESLint({ cwd: root, overrideConfig: { rules: { "import/no-cycle": "off" } } });

async function lintMessages(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

// The first lint loads the whole ESLint config and parser: seconds on a busy 2-core machine.
describe("lib/policy/ stays pure (ESLint)", { timeout: 60_000 }, () => {
  it.each([
    ['import { NextResponse } from "next/server";', "@typescript-eslint/no-restricted-imports"],
    ['import "server-only";', "@typescript-eslint/no-restricted-imports"],
    ['import { createHash } from "node:crypto";', "@typescript-eslint/no-restricted-imports"],
    ['import { readFileSync } from "fs";', "@typescript-eslint/no-restricted-imports"],
    ['import { Redis } from "ioredis";', "@typescript-eslint/no-restricted-imports"],
    ['import { sealData } from "iron-session";', "@typescript-eslint/no-restricted-imports"],
    ['import { whoami } from "@/lib/kratos/client";', "@typescript-eslint/no-restricted-imports"],
    ['import { getConfig } from "@/lib/config";', "@typescript-eslint/no-restricted-imports"],
    ['import { validatedReturnTo } from "@/lib/http/returnTo";', "@typescript-eslint/no-restricted-imports"],
    ['import { FrontendApi } from "@ory/client-fetch";', "@typescript-eslint/no-restricted-imports"],
    ['export const load = () => import("ioredis");', "no-restricted-syntax"],
    ["export const get = () => fetch('http://kratos');", "no-restricted-globals"],
    ["export const env = () => process.env.APP_URL;", "no-restricted-globals"],
  ])("refuses `%s`", async (source, rule) => {
    const messages = await lintMessages("lib/policy/fixture.ts", `${source}\nexport {};\n`);
    expect(
      messages.some((m) => m.startsWith(`${rule}:`)),
      messages.join("\n"),
    ).toBe(true);
  });

  it("accepts imports from lib/policy/ and the Ory SDK's types", async () => {
    const source = [
      'import type { UiNode } from "@ory/client-fetch";',
      'import { METHODS } from "@/lib/policy/methods";',
      "export const groups = (nodes: UiNode[]) => nodes.filter((n) => METHODS.some((m) => m.group === n.group));",
      "",
    ].join("\n");
    expect(await lintMessages("lib/policy/fixture.ts", source)).toEqual([]);
  });

  it("applies to lib/policy/ only", async () => {
    const source = 'import { createHash } from "node:crypto";\nexport const h = createHash;\n';
    expect(await lintMessages("lib/kratos/fixture.ts", source)).toEqual([]);
  });
});

const SOURCE_DIRS = ["app", "components", "lib"];
const SOURCE_FILES = ["proxy.ts", "instrumentation.ts", "instrumentation-node.ts"];

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = path.join(dir, name);
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
    }
  };
  SOURCE_DIRS.forEach(walk);
  return [...out, ...SOURCE_FILES];
}

/** The project files a module imports (type-only imports included). */
function importsOf(file: string, files: ReadonlySet<string>): string[] {
  const source = readFileSync(path.join(root, file), "utf8");
  const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;"']*?["']([^"']+)["']/g)].map(
    (m) => m[1]!,
  );
  return specifiers.flatMap((spec) => {
    const base = spec.startsWith("@/")
      ? spec.slice(2)
      : spec.startsWith(".")
        ? path.join(path.dirname(file), spec)
        : undefined;
    if (base === undefined) return [];
    const target = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => files.has(f));
    return target ? [target] : [];
  });
}

describe("the import graph", () => {
  it("has no cycle, counting type-only imports", () => {
    const files = sourceFiles();
    const graph = new Map(files.map((f) => [f, importsOf(f, new Set(files))]));
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of files) visit(file, []);
    expect(graph.get("lib/http/loadFlow.ts")).toContain("lib/http/kratosErrors.ts");
    expect(cycles).toEqual([]);
  });
});
