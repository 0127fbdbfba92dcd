// Identifiers and addresses spelled as Kratos v1.3.1 reads them. Pure.
//
// Kratos looks up a sign-in identifier (password, code and webauthn credentials) and a recovery
// or verification address after Go's strings.ToLower(strings.TrimSpace(s))
// (persistence/sql/identity/persister_identity.go:122-143, 205, 1206, 1220). JS's trim() and
// toLowerCase() are not that:
// - TrimSpace drops Unicode White_Space (Go's unicode.IsSpace): U+0085 (next line) too, but not
//   U+FEFF, which JS's trim() drops.
// - ToLower maps each code point alone by Unicode's simple lowercase mapping, from Go's own
//   Unicode tables (15.0.0 since Go 1.21). JS uses the full mapping ("İ" becomes "i̇", Go's
//   "i"), lowers "Σ" at a word's end to "ς" (Go: "σ"), and follows the engine's Unicode version
//   (Node 20.20 ships 17.0, which lowers letters Go leaves alone). So the mapping is Go's
//   table (lib/policy/goLowerCase.ts), not toLowerCase().
// test/identifierSpelling.kratos.test.ts proves this against Kratos's own code.
import { GO_LOWER_CASE_RUNS } from "@/lib/policy/goLowerCase";

/** Go's unicode.IsSpace: Unicode's White_Space property. All in the BMP. */
const GO_SPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** Every code point Go's unicode.IsSpace accepts (for tests). */
export const GO_WHITE_SPACE: readonly number[] = [...GO_SPACE];

const isGoSpace = (s: string, i: number) => GO_SPACE.has(s.charCodeAt(i));

/** Go's strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s, start)) start++;
  while (end > start && isGoSpace(s, end - 1)) end--;
  return s.slice(start, end);
}

/** Go's unicode.ToLower for one code point. */
function goLowerCodePoint(cp: number): number {
  let lo = 0;
  let hi = GO_LOWER_CASE_RUNS.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last, delta, stride] = GO_LOWER_CASE_RUNS[mid]!;
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return (cp - first) % stride === 0 ? cp + delta : cp;
  }
  return cp;
}

/** Go's strings.ToLower: each code point mapped alone. */
export function goToLower(s: string): string {
  let out = "";
  for (const ch of s) out += String.fromCodePoint(goLowerCodePoint(ch.codePointAt(0)!));
  return out;
}

/** An identifier or address as Kratos looks it up: strings.ToLower(strings.TrimSpace(s)). */
export function spelledAsKratos(s: string): string {
  return goToLower(goTrimSpace(s));
}
