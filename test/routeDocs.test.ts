// docs/architecture.md's route table is generated from the app map (lib/policy/appMap.ts), so it
// cannot drift from what the app serves: this test fails when it differs. `npm run docs:routes`
// (this test with --update) rewrites it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_MAP } from "@/features/index";
import { routeTable, withRouteTable } from "./routeDocs";

const docPath = path.resolve(__dirname, "..", "docs", "architecture.md");
const HINT = "generated from lib/policy/appMap.ts: run `npm run docs:routes`";

describe("generated route table", () => {
  it("docs/architecture.md's route table is what the map generates", async () => {
    const expected = await withRouteTable(readFileSync(docPath, "utf8"), docPath);
    await expect(expected, HINT).toMatchFileSnapshot(docPath);
  });

  it("names every row of the map", () => {
    const table = routeTable();
    for (const row of APP_MAP) expect(table).toContain(`| \`${row.path}\` |`);
  });
});
