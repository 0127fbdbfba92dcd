import { describe, expect, it } from "vitest";
import { goToLower, goTrimSpace, GO_WHITE_SPACE, spelledAsKratos } from "@/lib/policy/identifierSpelling";

// Known answers from Go's documentation and Unicode 15.0's data; test/identifierSpelling.kratos.test.ts
// checks every case against Kratos's own code.
describe("goTrimSpace (Go's strings.TrimSpace)", () => {
  it("drops Unicode White_Space at both ends, U+0085 (next line) included", () => {
    expect(GO_WHITE_SPACE).toHaveLength(25);
    for (const cp of GO_WHITE_SPACE) {
      const w = String.fromCodePoint(cp);
      expect(goTrimSpace(`${w}${w}a${w}b${w}`)).toBe(`a${w}b`);
    }
  });

  it("keeps what JS's trim() drops but Go does not (U+FEFF), and blanks that are not White_Space", () => {
    expect("\ufeffa".trim()).toBe("a");
    expect(goTrimSpace("\ufeffa\ufeff")).toBe("\ufeffa\ufeff");
    expect(goTrimSpace("\u200ba\u180e")).toBe("\u200ba\u180e");
  });
});

describe("goToLower (Go's strings.ToLower)", () => {
  it("maps each code point by the simple mapping: İ to i, not i̇", () => {
    expect(goToLower("KİLİM")).toBe("kilim");
    expect("KİLİM".toLowerCase()).toBe("ki̇li̇m");
  });

  it("lowers Σ to σ at the end of a word too (JS gives ς there)", () => {
    expect(goToLower("ΟΔΥΣΣΕΥΣ")).toBe("οδυσσευσ");
  });

  it("folds the Kelvin and Ångström signs, and lowers title-case and astral letters", () => {
    expect(goToLower("\u212a\u212b\u01c5\u1e9e")).toBe("k\u00e5\u01c6\u00df");
    expect(goToLower("\u{10400}\u13a0\u1c90")).toBe("\u{10428}\uab70\u10d0");
  });

  it("leaves lower-case, caseless and combining code points alone, and letters newer than Go's Unicode 15.0", () => {
    expect(goToLower("ıſß ς a\u0307\u0345")).toBe("ıſß ς a\u0307\u0345");
    expect(goToLower("\ua7cb\u{10d50}")).toBe("\ua7cb\u{10d50}");
  });
});

describe("spelledAsKratos", () => {
  it("trims, then lowers", () => {
    expect(spelledAsKratos("\u0085  Ada@EXAMPLE.test\u3000")).toBe("ada@example.test");
    expect(spelledAsKratos(" \u00a0 ")).toBe("");
  });
});
