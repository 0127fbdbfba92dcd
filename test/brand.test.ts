// A brand in one place: the product's name (and short name) is written in brand/brand.mjs and
// nowhere else in the repository; everything that shows it reads it from there. A fork that
// renames the product in the brand file gets it everywhere, and this test catches a copy.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BRAND } from "@/brand/brand.mjs";

const repo = path.join(__dirname, "..");

/**
 * Where the name may stay, each an exact piece of one line, with why. These are identifiers
 * of this repository (never shown to a user, and a rebrand need not change them) or its own
 * title, not the product a fork ships.
 */
const ALLOWED: { file: string; text: string; why: string }[] = [
  {
    file: "README.md",
    text: "# Kratos BFF reference app",
    why: "the repository's title: prose about this reference project, which a fork rewrites as its own",
  },
  {
    file: "package.json",
    text: '"name": "kratos-bff-reference"',
    why: "the npm package name, an identifier of the repository that no page shows",
  },
  {
    file: "package-lock.json",
    text: '"name": "kratos-bff-reference"',
    why: "npm's copy of the package name (twice)",
  },
  {
    file: "kratos/go.mod",
    text: "module github.com/kratos-bff-reference/kratos-build",
    why: "the module path of the Go module that only builds Kratos",
  },
  {
    file: "kratos/spelling/go.mod",
    text: "module github.com/kratos-bff-reference/kratos-spelling",
    why: "the module path of the Go module that only reads Kratos's message ids",
  },
  {
    file: "features/hydra/go/go.mod",
    text: "module github.com/kratos-bff-reference/hydra-build",
    why: "the module path of the Go module that only builds Hydra (the hydra feature)",
  },
];

/** The brand's folder (the file, and its logo, a picture that may spell the name). */
const BRAND_DIR = "brand/";
/** This test, which quotes the allowed lines. */
const SELF = path.relative(repo, __filename).split(path.sep).join("/");

/** A name's words in any case, apart or joined by spaces, line breaks, `-` or `_`. */
function namePattern(name: string): RegExp {
  const words = name.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(words.join("[\\s_-]*"), "gi");
}

interface Hit {
  file: string;
  line: string;
}

function hitsOf(names: string[]): Hit[] {
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: repo, encoding: "utf8" })
    .split("\0")
    .filter((f) => f && !f.startsWith(BRAND_DIR) && f !== SELF);
  const hits: Hit[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(path.join(repo, file), "utf8");
    } catch {
      continue; // deleted in the working tree, not yet committed
    }
    if (text.includes("\0")) continue; // a binary (screenshots): no source to edit
    for (const name of names) {
      for (const m of text.matchAll(namePattern(name))) {
        const start = text.lastIndexOf("\n", m.index) + 1;
        const end = text.indexOf("\n", m.index + m[0].length);
        const line = text.slice(start, end === -1 ? undefined : end).trim();
        if (!hits.some((h) => h.file === file && h.line === line)) hits.push({ file, line });
      }
    }
  }
  return hits;
}

const allowed = (h: Hit) => ALLOWED.some((a) => a.file === h.file && h.line.includes(a.text));
const hits = hitsOf([BRAND.name, BRAND.shortName]);

describe("the product name", () => {
  it("is a name a search can find (two words or more, long enough not to match prose)", () => {
    for (const name of [BRAND.name, BRAND.shortName]) {
      expect(name.trim().split(/\s+/).length * name.length).toBeGreaterThanOrEqual(12);
    }
  });

  it("appears in no tracked file outside brand/ (besides the commented allowances)", () => {
    expect(hits.filter((h) => !allowed(h))).toEqual([]);
  });

  it("has no stale allowance: each names a line still in its file", () => {
    // By the file's text, not by the current name: a rebrand in brand/ leaves these lines as
    // they are and must not need this list edited.
    expect(ALLOWED.filter((a) => !read(a.file).includes(a.text))).toEqual([]);
    expect(SELF).toBe("test/brand.test.ts");
  });

  it("catches the name written apart, joined or in another case", () => {
    const p = namePattern("Acme Cloud ID");
    for (const s of ["Acme Cloud ID", "acme-cloud-id", "ACME_CLOUD_ID", "Acme\n  Cloud ID", "AcmeCloudId"]) {
      expect(s.match(p), s).not.toBeNull();
    }
    expect("Acme Cloud".match(p)).toBeNull();
  });

  it("reaches the catalogs as {product}, not as a copy", () => {
    for (const file of ["messages/en.json", "messages/de.json"]) {
      expect(read(file)).toContain("{product}");
    }
  });
});

function read(file: string): string {
  return readFileSync(path.join(repo, file), "utf8");
}
