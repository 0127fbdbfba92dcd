// The brand file is the one source of colours: everything that reads a brand variable (the
// Tailwind token map, the plain pages such as the 503, the Ory Elements theme) must find it
// there, in light and in dark.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const read = (p: string) => readFileSync(path.join(__dirname, "..", p), "utf8");
const theme = read("public/theme.css");
const darkStart = theme.indexOf("@media (prefers-color-scheme: dark)");
const light = theme.slice(0, darkStart);
const dark = theme.slice(darkStart);

const defined = (css: string) => new Set([...css.matchAll(/^\s*(--[\w-]+):/gm)].map((m) => m[1]!));
const used = (css: string) => new Set([...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!));

const sourceFiles = (dirs: string[], pattern: RegExp) =>
  dirs.flatMap((dir) =>
    readdirSync(path.join(__dirname, "..", dir), { recursive: true, encoding: "utf8" })
      .filter((f) => pattern.test(f))
      .map((f) => path.join(dir, f)),
  );

/** The files that read the brand's variables: the core's two, and each feature's stylesheet (Ory Elements' theme). */
const READERS = ["app/globals.css", "lib/http/plainPage.ts", ...sourceFiles(["features"], /\.css$/)];

describe("public/theme.css", () => {
  it.each(READERS)("defines every variable %s reads", (file) => {
    const names = defined(light);
    const readers = [...used(read(file))];
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.filter((v) => !names.has(v))).toEqual([]);
  });

  it("knows every file that reads a brand variable", () => {
    const readers = sourceFiles(["app", "components", "lib", "features"], /\.(tsx?|css)$/).filter(
      (f) => used(read(f)).size > 0,
    );
    expect(readers.sort()).toEqual([...READERS].sort());
  });

  it("gives every colour a dark value", () => {
    const colours = [...defined(light)].filter((v) =>
      /#[0-9a-f]{3,8}\b/i.test(light.split(`${v}:`)[1]!.split(";")[0]!),
    );
    expect(colours.length).toBeGreaterThan(10);
    expect(colours.filter((v) => !defined(dark).has(v))).toEqual([]);
  });

  it("is the only place components get colours from (no Tailwind palette classes)", () => {
    const palette =
      /\b(?:bg|text|border|ring|outline)-(?:slate|gray|zinc|indigo|red|sky|emerald|amber|blue)-\d/;
    const files = sourceFiles(["app", "components"], /\.tsx?$/);
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => palette.test(read(f)))).toEqual([]);
  });
});
