// The brand file (brand/brand.mjs) is the one source of colours: everything that reads a
// brand variable (the Tailwind token map, the plain pages such as the 503, the Ory Elements
// theme) must find it in the CSS made from it (scripts/brand-assets.mjs), in light and in dark.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BRAND } from "@/brand/brand.mjs";
import { themeCss, writeBrandAssets } from "../scripts/brand-assets.mjs";

const repo = path.join(__dirname, "..");
const read = (p: string) => readFileSync(path.join(repo, p), "utf8");
const theme = themeCss(BRAND);
const darkStart = theme.indexOf("@media (prefers-color-scheme: dark)");
const light = theme.slice(0, darkStart);
const dark = theme.slice(darkStart);

const defined = (css: string) => new Set([...css.matchAll(/^\s*(--[\w-]+):/gm)].map((m) => m[1]!));
const used = (css: string) => new Set([...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!));

const sourceFiles = (dirs: string[], pattern: RegExp) =>
  dirs.flatMap((dir) =>
    readdirSync(path.join(repo, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => pattern.test(f))
      .map((f) => path.join(dir, f)),
  );

/** The files that read the brand's variables: the core's two, and each feature's stylesheet (Ory Elements' theme). */
const READERS = ["app/globals.css", "lib/http/plainPage.ts", ...sourceFiles(["features"], /\.css$/)];

describe("the brand's theme", () => {
  it("is every colour, radius and font of the brand file as a CSS variable", () => {
    expect(darkStart).toBeGreaterThan(0);
    expect([...defined(light)].sort()).toEqual(
      [
        ...Object.keys(BRAND.colors.light).map((k) => `--${k}`),
        "--card-radius",
        "--control-radius",
        "--font-body",
        "--font-code",
      ].sort(),
    );
    expect(light).toContain(`--brand: ${BRAND.colors.light.brand};`);
    expect(dark).toContain(`--brand-hover: ${BRAND.colors.dark["brand-hover"]};`);
    expect(light).toContain(`--font-body: ${BRAND.font.body};`);
  });

  it.each(READERS)("defines every variable %s reads", (file) => {
    const names = defined(light);
    const readers = [...used(read(file))];
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.filter((v) => !names.has(v))).toEqual([]);
  });

  it("reaches its readers: the app's stylesheet imports it and the plain pages link it", () => {
    expect(read("app/globals.css")).toContain('@import "../public/theme.css";');
    expect(read("lib/http/plainPage.ts")).toContain('<link rel="stylesheet" href="/theme.css">');
  });

  it("knows every file that reads a brand variable", () => {
    const readers = sourceFiles(["app", "components", "lib", "features"], /\.(tsx?|css)$/).filter(
      (f) => used(read(f)).size > 0,
    );
    expect(readers.sort()).toEqual([...READERS].sort());
  });

  it("gives every colour a dark value, and refuses a brand that does not", () => {
    expect(Object.keys(BRAND.colors.light).length).toBeGreaterThan(10);
    expect([...defined(dark)].sort()).toEqual(
      Object.keys(BRAND.colors.light)
        .map((k) => `--${k}`)
        .sort(),
    );
    const darkWithoutOne = Object.fromEntries(
      Object.entries(BRAND.colors.dark).filter(([k]) => k !== "info-line"),
    );
    expect(() => themeCss({ ...BRAND, colors: { ...BRAND.colors, dark: darkWithoutOne } })).toThrow(
      /info-line/,
    );
  });

  it("is the only place components get colours from (no Tailwind palette classes)", () => {
    const palette =
      /\b(?:bg|text|border|ring|outline)-(?:slate|gray|zinc|indigo|red|sky|emerald|amber|blue)-\d/;
    const files = sourceFiles(["app", "components"], /\.tsx?$/);
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => palette.test(read(f)))).toEqual([]);
  });
});

describe("the brand's static files", () => {
  it("are written from the brand: public/theme.css and the logo as public/logo.svg", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "brand-"));
    try {
      mkdirSync(path.join(dir, "brand"));
      mkdirSync(path.join(dir, "public"));
      copyFileSync(path.join(repo, "brand", BRAND.logo), path.join(dir, "brand", BRAND.logo));
      writeBrandAssets(BRAND, dir);
      expect(readFileSync(path.join(dir, "public", "theme.css"), "utf8")).toBe(theme);
      expect(readFileSync(path.join(dir, "public", "logo.svg"), "utf8")).toBe(read(`brand/${BRAND.logo}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("are generated, never committed (a fresh clone makes them, and the tree stays clean)", () => {
    const ignored = execFileSync("git", ["check-ignore", "public/theme.css", "public/logo.svg"], {
      cwd: repo,
      encoding: "utf8",
    });
    expect(ignored.trim().split("\n")).toEqual(["public/theme.css", "public/logo.svg"]);
    const tracked = execFileSync("git", ["ls-files", "public"], { cwd: repo, encoding: "utf8" });
    expect(tracked).toBe("");
  });
});
