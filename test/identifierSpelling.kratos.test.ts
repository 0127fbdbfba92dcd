// lib/policy/identifierSpelling.ts against Kratos v1.3.1's own code (kratos/spelling, built with
// the Go that builds Kratos): a generated corpus of identifier-like strings, then every Unicode
// scalar value. One oracle process answers the whole batch.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  askKratosSpelling,
  ensureSpellingOracle,
  SPELLING_MODULE,
  spellingOracleMissing,
  type KratosSpelling,
} from "../scripts/kratos-spelling.mjs";
import { GO_WHITE_SPACE, spelledAsKratos } from "@/lib/policy/identifierSpelling";

const GENERATED = 12_000;
const SEED = Number(process.env.SPELLING_SEED ?? Date.now() % 2 ** 31);
const BUILD_TIMEOUT_MS = 20 * 60_000;

const chars = (cps: readonly number[]) => cps.map((cp) => String.fromCodePoint(cp));
const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

/** Trimmed by JS's trim() but not by Go (U+FEFF), or by neither though they look blank. */
const OTHER_BLANKS = [0xfeff, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x00, 0x1c, 0x1d, 0x1e, 0x1f];
/** Letters whose lower case differs between JS and Go, or is special in either. */
const CASE_SPECIAL = [
  ..."İIıiſsKkÅåẞßΣσςǄǅǆǇǈǉǊǋǌǱǲǳΩωϴθϑϐϕϖϰϱϵẛᾈᾉᾏᾼῌῼΐΰŉǰ",
  ..."ႠႥჅჇჍᲐᲿაⴀ", // Georgian: Asomtavruli, Mtavruli, Mkhedruli, Nuskhuri
  ..."ᎠᏴᏵꭰᏸᏽ", // Cherokee: capitals map to small letters in U+AB70…
  ..."ԱՖաֆևⰀⰰⲀⲁＡＺａⅠⅰⒶⓐﬀ",
  ..."\u{10400}\u{10428}\u{104B0}\u{104D8}\u{10570}\u{10597}\u{10C80}\u{118A0}\u{16E40}\u{1E900}\u{1E922}", // astral
  ..."\u{10D50}\u{10D70}\uA7CB\u0264\uA7CC\uA7DA\uA7DC\u1C89", // Unicode 16+: JS lowers, Go 15.0 does not
];
const COMBINING = [
  ...range(0x0300, 0x036f),
  ...range(0x1ab0, 0x1ace),
  ...range(0x1dc0, 0x1dff),
  ...range(0x20d0, 0x20f0),
  ...range(0xfe20, 0xfe2f),
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 6 }) },
  { weight: 3, arbitrary: fc.constantFrom(...chars(GO_WHITE_SPACE)) },
  { weight: 1, arbitrary: fc.constantFrom(...chars(OTHER_BLANKS)) },
  { weight: 3, arbitrary: fc.constantFrom(...CASE_SPECIAL) },
  { weight: 2, arbitrary: fc.constantFrom(...chars(COMBINING)) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom("@", ".", "-", "@example.test", "ADA", "Σ ") },
);
const identifierLike = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""));

/** Each blank and special letter where trimming and context matter, whatever the generator draws. */
function fixedCorpus(): string[] {
  const out: string[] = [];
  for (const w of chars([...GO_WHITE_SPACE, ...OTHER_BLANKS])) {
    out.push(w, `${w}${w}`, `${w}Ada@X.test${w}`, `a${w}b`, `${w}İ${w}`);
  }
  for (const c of CASE_SPECIAL) out.push(c, ` ${c} `, `A${c}B`, `${c}@X.TEST`);
  out.push("ΑΣ", "ΑΣ Α", "ΑΣΑ", "ὈΔΥΣΣΕΎΣ", "", " ", "KİLİM-AB@EXAMPLE.TEST", "\u0085kilim@example.test");
  return out;
}

/** Every scalar value, in strings of 256 between two "a"s: Go lowers one code point at a time. */
function codePointChunks(): { codePoints: number[]; text: string }[] {
  const all = range(0, 0x10ffff).filter((cp) => cp < 0xd800 || cp > 0xdfff);
  const chunks = [];
  for (let i = 0; i < all.length; i += 256) {
    const codePoints = all.slice(i, i + 256);
    chunks.push({ codePoints, text: `a${String.fromCodePoint(...codePoints)}a` });
  }
  return chunks;
}

const show = (s: string) =>
  `${JSON.stringify(s)} [${[...s].map((c) => c.codePointAt(0)!.toString(16)).join(" ")}]`;

const missing = spellingOracleMissing();

describe("identifier spelling: the BFF's against Kratos v1.3.1's own code", () => {
  const corpus = [...fixedCorpus(), ...fc.sample(identifierLike, { numRuns: GENERATED, seed: SEED })];
  const chunks = codePointChunks();
  let answers: KratosSpelling[] = [];
  let again: KratosSpelling[] = [];
  let byCodePoint: KratosSpelling[] = [];

  beforeAll(async () => {
    if (missing) {
      console.warn(`[spelling] the comparison with Kratos is skipped: ${missing}`);
      return;
    }
    const oracle = await ensureSpellingOracle({ log: console.log });
    const js = corpus.map(spelledAsKratos);
    const started = Date.now();
    const all = await askKratosSpelling(oracle, [...corpus, ...js, ...chunks.map((c) => c.text)]);
    console.log(
      `[spelling] Kratos answered ${all.length} strings (a corpus of ${corpus.length}, its spellings, ` +
        `${chunks.length} chunks of every code point) in ${Date.now() - started} ms; seed ${SEED}`,
    );
    answers = all.slice(0, corpus.length);
    again = all.slice(corpus.length, 2 * corpus.length);
    byCodePoint = all.slice(2 * corpus.length);
  }, BUILD_TIMEOUT_MS);

  it("the oracle is built from the Kratos pin of kratos/go.mod", () => {
    const pin = (file: string) => {
      const mod = readFileSync(file, "utf8");
      return {
        kratos: /github\.com\/ory\/kratos (v\S+)/.exec(mod)?.[1],
        replaces: /replace \(([^)]*)\)/.exec(mod)?.[1]?.trim(),
      };
    };
    const oracle = pin(path.join(SPELLING_MODULE, "go.mod"));
    expect(oracle.kratos).toBe("v1.3.1");
    expect(oracle).toEqual(pin(path.join(SPELLING_MODULE, "..", "go.mod")));
  });

  it(`covers every White_Space code point and at least 10,000 strings (seed ${SEED})`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(10_000);
    for (const w of chars(GO_WHITE_SPACE)) expect(corpus.some((s) => s.includes(w))).toBe(true);
  });

  it("spells every generated string as Kratos does, and Kratos leaves that spelling as it is", (ctx) => {
    if (missing) ctx.skip(missing);
    const differ = corpus.flatMap((x, i) => {
      const js = spelledAsKratos(x);
      const go = answers[i]!;
      const agree = go.password === js && go.code === js && go.webauthn === js;
      const stable = again[i]!.password === js;
      return agree && stable
        ? []
        : [`${show(x)}: js ${show(js)}, Kratos ${show(go.password)} then ${show(again[i]!.password)}`];
    });
    expect(differ.slice(0, 20), `seed ${SEED}`).toEqual([]);
  });

  it("lowers every Unicode scalar value as Kratos does", (ctx) => {
    if (missing) ctx.skip(missing);
    const differ = chunks.flatMap(({ codePoints, text }, k) => {
      const js = [...spelledAsKratos(text)];
      const go = [...byCodePoint[k]!.password];
      return codePoints.flatMap((cp, i) =>
        js[i + 1] === go[i + 1]
          ? []
          : [`U+${cp.toString(16)}: js ${show(js[i + 1] ?? "")}, Kratos ${show(go[i + 1] ?? "")}`],
      );
    });
    expect(differ.slice(0, 20)).toEqual([]);
  });
});
