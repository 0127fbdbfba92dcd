// The app map (lib/policy/appMap.ts) and the files under app/ say the same: every page and route
// handler has its row, with the methods the file exports, and every row has its file. A new
// route or a new method missing from the map fails here, not as a 405 in the browser.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_MAP } from "@/features/index";

const root = path.resolve(__dirname, "..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** `app/(group)/a/[id]/page.tsx` → `/a/[id]`: route groups and private folders leave the URL. */
function urlPatternOf(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((s) => !(s.startsWith("(") && s.endsWith(")")) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

/** The HTTP methods a route file exports (functions or constants), with HEAD wherever GET. */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/gm)) {
    if (m[1] && HTTP_METHODS.includes(m[1])) found.add(m[1]);
  }
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const name of (m[1] ?? "").split(",").map(
      (n) =>
        n
          .trim()
          .split(/\s+as\s+/)
          .pop() ?? "",
    )) {
      if (HTTP_METHODS.includes(name)) found.add(name);
    }
  }
  if (found.has("GET")) found.add("HEAD");
  return [...found].sort();
}

interface Served {
  path: string;
  kind: "page" | "route";
  methods: string[];
  file: string;
}

function served(): Served[] {
  return walk(path.join(root, "app"))
    .map((abs) => path.relative(root, abs).split(path.sep).join("/"))
    .filter((file) => /\/(page|route)\.tsx?$/.test(file))
    .map((file) =>
      file.match(/\/page\.tsx?$/)
        ? { path: urlPatternOf(file), kind: "page", methods: ["GET", "HEAD"], file }
        : {
            path: urlPatternOf(file),
            kind: "route",
            methods: exportedMethods(readFileSync(path.join(root, file), "utf8")),
            file,
          },
    );
}

describe("the app map and app/ agree", () => {
  const files = served();

  it("finds the app's pages and routes", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [f.file, f] as const))("%s has its row, with its methods", (_file, f) => {
    const row = APP_MAP.find((r) => r.path === f.path);
    expect(row, `${f.path} (${f.file}) has no row in lib/policy/appMap.ts`).toBeDefined();
    expect(row?.kind === "page" ? "page" : "route", `${f.path}: the row's kind`).toBe(f.kind);
    // A row may refuse the HEAD Next would answer with the GET handler (lib/policy/appMap.ts).
    const methods = row?.refusesHead ? f.methods.filter((m) => m !== "HEAD") : f.methods;
    expect([...(row?.methods ?? [])].sort(), `${f.path}: the row's methods`).toEqual(methods);
  });

  it.each(APP_MAP.map((r) => [r.path, r] as const))("the row %s has its file", (_path, row) => {
    expect(
      files.some((f) => f.path === row.path),
      `${row.path} is in lib/policy/appMap.ts, but app/ has no page or route for it`,
    ).toBe(true);
  });
});

describe("urlPatternOf", () => {
  it.each([
    ["app/page.tsx", "/"],
    ["app/login/page.tsx", "/login"],
    ["app/(auth)/login/page.tsx", "/login"],
    ["app/elements/start/[kind]/route.ts", "/elements/start/[kind]"],
    ["app/api/kratos/[...path]/route.ts", "/api/kratos/[...path]"],
  ])("%s → %s", (file, url) => {
    expect(urlPatternOf(file)).toBe(url);
  });
});

describe("exportedMethods", () => {
  it.each([
    ["export async function POST(req) {}", ["POST"]],
    ["export function GET() {}", ["GET", "HEAD"]],
    ["export const GET = handle;\nexport const DELETE = handle;", ["DELETE", "GET", "HEAD"]],
    ["export { handle as PUT, GET };", ["GET", "HEAD", "PUT"]],
    ["export const dynamic = 'force-dynamic';\nexport function helper() {}", []],
  ])("%j → %j", (source, methods) => {
    expect(exportedMethods(source)).toEqual(methods);
  });
});
