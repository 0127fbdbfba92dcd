// `.env.example` and the configuration tables of docs/configuration.md are generated from the variable table
// (lib/envVariables.ts), so they cannot drift from what the app reads: this test fails when either
// file differs from what the table generates. `npm run config:docs` (this test with --update)
// rewrites them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VARIABLE_LIST, isAppVariable } from "@/lib/envVariables";
import { configTables, envExample, withConfigTables, wrap } from "./configDocs";

const root = path.resolve(__dirname, "..");
const HINT = "generated from lib/envVariables.ts: run `npm run config:docs`";

describe("generated configuration docs", () => {
  it(".env.example is what the table generates", async () => {
    await expect(envExample(), HINT).toMatchFileSnapshot(path.join(root, ".env.example"));
  });

  it("docs/configuration.md's tables are what the table generates", async () => {
    const docPath = path.join(root, "docs", "configuration.md");
    const expected = await withConfigTables(readFileSync(docPath, "utf8"), docPath);
    await expect(expected, HINT).toMatchFileSnapshot(docPath);
  });

  it("name every variable: the app's in .env.example, all of them in docs/configuration.md", () => {
    const example = envExample();
    const tables = configTables();
    for (const v of VARIABLE_LIST) {
      expect(tables).toContain(`| \`${v.name}\` |`);
      if (isAppVariable(v)) expect(example).toMatch(new RegExp(`^${v.name}=`, "m"));
      else expect(example).not.toMatch(new RegExp(`^${v.name}=`, "m"));
    }
  });

  it("never give a secret an example value", () => {
    expect(envExample()).toMatch(/^SESSION_SECRET=$/m);
  });
});

describe("wrap", () => {
  it("fills lines up to the width, each with the prefix, breaking only between words", () => {
    expect(wrap("aa bb cc dd", 8, "# ")).toEqual(["# aa bb", "# cc dd"]);
    expect(wrap("  one   two  ", 80, "# ")).toEqual(["# one two"]);
    expect(wrap("", 80, "# ")).toEqual([]);
    expect(wrap("averyveryverylongword x", 8, "# ")).toEqual(["# averyveryverylongword", "# x"]);
  });
});
