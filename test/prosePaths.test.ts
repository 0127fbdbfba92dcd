// Prose names only files that exist: the README, docs/, .env.example and the comments of every
// tracked source file are searched for repository paths (`lib/config.ts`, `e2e/pages/`,
// `app/api/kratos/[...path]/route.ts`), and each must name a tracked file or folder. Globs
// (`*.log`, `**`, `{page,route}`) and placeholders (`<name>`) match any name in their place.
// Markdown links (README.md, docs/) must reach a tracked file from the document's folder, and a
// heading there when they name one.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

const tracked = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
  cwd: root,
  encoding: "utf8",
})
  .split("\0")
  .filter((f) => f && existsSync(path.join(root, f)));

// Made from brand/ by next.config.ts and gitignored (test/theme.test.ts holds both to that), so
// prose may name them before a first build has made them; they hold no prose of their own.
const GENERATED = ["public/theme.css", "public/logo.svg"];

const files = new Set([...tracked, ...GENERATED]);
const folders = new Set(
  [...files].flatMap((f) =>
    f
      .split("/")
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join("/")),
  ),
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// A path in prose starts with a top folder: these, even once gone, and any other there is.
const TOP = new Set([
  ...["app", "components", "lib", "scripts", "e2e", "kratos", "deploy", "test", "docs", "public", "messages"],
  ...[...folders].map((f) => f.split("/")[0]!),
]);
const TOP_PATTERN = [...TOP].map(escape).join("|");

/** Paths in `text`: a top folder, a slash, then path characters (not part of a URL or an `@/` import). */
function pathsIn(text: string): string[] {
  const re = new RegExp(`(?<![\\w./@:~-])(?:${TOP_PATTERN})/[\\w.\\-\\[\\]<>*{},/]*`, "g");
  return [...text.matchAll(re)].map((m) => {
    let p = m[0].replace(/[.,]+$/, "");
    // A markdown link's text ends with `]`; Next's `[...path]` opens the bracket it closes.
    while (p.endsWith("]") && p.split("[").length < p.split("]").length) p = p.slice(0, -1);
    return p;
  });
}

/** A path pattern as a regular expression over repository paths. */
function patternOf(p: string): RegExp {
  const segment = (s: string) =>
    s === "**"
      ? ".*"
      : s
          .split(/(<[^>/]*>|\*|\{[^}/]*\})/)
          .map((part) => {
            if (part === "*") return "[^/]*";
            if (/^<[^>]*>$/.test(part)) return "[^/]+";
            if (/^\{.*\}$/.test(part)) return `(?:${part.slice(1, -1).split(",").map(escape).join("|")})`;
            return escape(part);
          })
          .join("");
  const source = p
    .replace(/\/$/, "")
    .split("/")
    .map(segment)
    .join("/")
    .replace(/\/\.\*\//g, "(?:/.*)?/");
  return new RegExp(`^${source}$`);
}

/** Whether a path (a folder when it ends with `/`) names something in the repository. */
function exists(p: string): boolean {
  const folder = p.endsWith("/");
  const plain = p.replace(/\/$/, "");
  if (!/[*<{]/.test(plain)) return folder ? folders.has(plain) : files.has(plain) || folders.has(plain);
  const re = patternOf(p);
  return [...(folder ? [] : files), ...folders].some((f) => re.test(f));
}

/** Whether git ignores a plain path: a run's output (bench/results/…), named but never committed. */
function generated(p: string): boolean {
  if (/[*<{]/.test(p)) return false;
  try {
    execFileSync("git", ["check-ignore", "-q", "--no-index", p], { cwd: root });
    return true;
  } catch {
    return false;
  }
}

/** The comments of a JavaScript or TypeScript file, found by TypeScript's own parser. */
function scriptComments(file: string, text: string): string[] {
  const kind = /\.tsx$/.test(file)
    ? ts.ScriptKind.TSX
    : /\.(m?ts)$/.test(file)
      ? ts.ScriptKind.TS
      : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const starts = new Set<number>();
  const out: string[] = [];
  const collect = (pos: number) => {
    for (const r of [
      ...(ts.getLeadingCommentRanges(text, pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, pos) ?? []),
    ]) {
      if (starts.has(r.pos)) continue;
      starts.add(r.pos);
      out.push(text.slice(r.pos, r.end));
    }
  };
  const visit = (node: ts.Node) => {
    collect(node.getFullStart());
    collect(node.getEnd());
    node.forEachChild(visit);
  };
  visit(source);
  return out;
}

const hashComments = (text: string) => text.match(/(?:^|\s)#[^\n]*/g) ?? [];
const blockComments = (text: string) => text.match(/\/\*[\s\S]*?\*\//g) ?? [];
const lineComments = (text: string) => text.match(/(?:^|\s)\/\/[^\n]*/g) ?? [];

/** How to read a file's prose: all of it for documents, the comments for code and configuration. */
function proseReader(file: string): ((text: string) => string[]) | undefined {
  if (/\.md$/.test(file) || file === ".env.example") return (text) => [text];
  if (/\.(ts|tsx|mts|mjs|js|cjs)$/.test(file)) return (text) => scriptComments(file, text);
  if (/\.css$/.test(file)) return blockComments;
  if (/\.(go|jsonnet)$/.test(file) || /(^|\/)go\.mod$/.test(file))
    return (text) => [...blockComments(text), ...lineComments(text), ...hashComments(text)];
  if (/\.(ya?ml|template|conf|sh)$/.test(file) || file === ".ci/run") return hashComments;
  return undefined;
}

describe("paths named in prose", () => {
  const named = tracked.flatMap((file) => {
    const read = proseReader(file);
    if (!read) return [];
    return read(readFileSync(path.join(root, file), "utf8")).flatMap((prose) =>
      pathsIn(prose).map((p) => ({ file, p })),
    );
  });

  it("are found in the README, .env.example and code comments", () => {
    const from = (f: string) => named.filter((n) => n.file === f).length;
    expect(from("README.md")).toBeGreaterThan(50);
    expect(from(".env.example")).toBeGreaterThan(0);
    expect(named.filter((n) => /\.(ts|tsx|mjs)$/.test(n.file)).length).toBeGreaterThan(50);
  });

  it("all exist", () => {
    expect(
      named.filter(({ p }) => !exists(p) && !generated(p)).map(({ file, p }) => `${file}: ${p}`),
    ).toEqual([]);
  });
});

describe("pathsIn", () => {
  it("finds paths under the top folders, with their trailing slash, and drops sentence punctuation", () => {
    expect(pathsIn("See lib/config.ts, then e2e/pages/ and kratos/kratos.yml.")).toEqual([
      "lib/config.ts",
      "e2e/pages/",
      "kratos/kratos.yml",
    ]);
  });

  it("keeps Next's brackets, globs and placeholders", () => {
    expect(
      pathsIn("`app/api/kratos/[...path]/route.ts` and app/**/{page,route}.ts and messages/<code>.json"),
    ).toEqual(["app/api/kratos/[...path]/route.ts", "app/**/{page,route}.ts", "messages/<code>.json"]);
  });

  it("ignores URLs, URL paths and imports", () => {
    expect(pathsIn("https://example.test/lib/x.ts /api/kratos/self-service @/lib/config ~/lib/x")).toEqual(
      [],
    );
  });
});

describe("exists", () => {
  it("knows files and folders", () => {
    expect(exists("lib/config.ts")).toBe(true);
    expect(exists("lib/policy/")).toBe(true);
    expect(exists("lib/policy")).toBe(true);
    expect(exists("lib/rateLimitRules.ts")).toBe(false);
    expect(exists("lib/config.ts/")).toBe(false);
  });

  it("matches globs and placeholders against what is there", () => {
    expect(exists("app/api/kratos/[...path]/route.ts")).toBe(true);
    expect(exists("messages/<code>.json")).toBe(true);
    expect(exists("e2e/*.spec.ts")).toBe(true);
    expect(exists("app/**/{page,route}.ts")).toBe(true);
    expect(exists("app/**/{nothing,none}.ts")).toBe(false);
    expect(exists("e2e/*.nothing")).toBe(false);
  });
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, "")
    .replaceAll(" ", "-");
}

/** The anchors of a markdown document's headings (outside code blocks). */
function anchorsOf(markdown: string): Set<string> {
  const text = markdown.replace(/^```[\s\S]*?^```/gm, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => headingAnchor(m[1]!)));
}

describe("markdown links", () => {
  const documents = tracked.filter((f) => /\.md$/.test(f) && !f.startsWith("node_modules/"));

  it("are found in the README and docs/", () => {
    expect(documents).toContain("README.md");
    expect(documents.filter((f) => f.startsWith("docs/")).length).toBeGreaterThan(5);
  });

  it("point at a tracked file or folder, relative to the document, and at a heading there", () => {
    const broken = documents.flatMap((doc) =>
      [...readFileSync(path.join(root, doc), "utf8").matchAll(/\]\(([^)\s]+)\)/g)].flatMap(([, target]) => {
        if (/^[a-z]+:/i.test(target!)) return [];
        const [file = "", anchor] = target!.split("#");
        const dest = file ? path.posix.normalize(path.posix.join(path.posix.dirname(doc), file)) : doc;
        if (!files.has(dest) && !folders.has(dest.replace(/\/$/, ""))) return [`${doc}: ${target}`];
        if (anchor && !anchorsOf(readFileSync(path.join(root, dest), "utf8")).has(anchor))
          return [`${doc}: ${target} (no such heading)`];
        return [];
      }),
    );
    expect(broken).toEqual([]);
  });

  it("name headings as GitHub does", () => {
    expect(headingAnchor("Per-route and per-transport AAL")).toBe("per-route-and-per-transport-aal");
    expect(headingAnchor("Brand (one file)")).toBe("brand-one-file");
    expect(headingAnchor("Where you're signed in")).toBe("where-youre-signed-in");
  });
});
