// The canonical submission: the BFF parses a body once, every check reads the parsed value,
// and Kratos gets that value re-encoded by the BFF, never the client's bytes. Pure.
//
// Where Kratos (ory/x decoderx v0.0.660) could still read the parsed value differently from
// the checks, the value is narrowed or refused here:
// - Form fields: Kratos takes the first value of a text field (`url.Values.Get`), the last of
//   a boolean, all of an array. The fields the checks read keep only their first value, so
//   Kratos and the checks read the same one; other fields go through as sent.
// - JSON: Kratos v1.3.1 flattens JSON submissions and reads names exactly, but Go's
//   encoding/json (used by its other decoders) matches names case-insensitively with Unicode
//   folding ("Method", "ADDRESS", "addre\u017fs" fill `method`/`address`). A name that folds to
//   a checked field without being it is refused. Duplicate names: JSON.parse and Kratos both
//   keep the last, and the re-encoding has none. Numbers must survive the round trip.
// - Identifiers and addresses: Kratos looks them up spelled its own way, so they are forwarded
//   spelled that way (lib/policy/identifierSpelling.ts) and every check reads that spelling.
import { spelledAsKratos } from "@/lib/policy/identifierSpelling";
import type { BodyType } from "@/lib/policy/mediaType";

/** A parsed form body (URL-encoded) or a JSON object body. */
export type Submission = URLSearchParams | Record<string, unknown>;

/** Every field a check reads (rate-limit keys, factor guard): one value, a string. */
export const CHECKED_FIELDS = [
  "method",
  "identifier",
  "password_identifier",
  "address",
  "code",
  "resend",
  "email",
] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

/**
 * The checked fields Kratos reads as an identifier or an address, after Go's
 * strings.ToLower(strings.TrimSpace(…)): `identifier` and `password_identifier` at sign-in
 * (password, code, webauthn), `address` (code at aal2), `email` (recovery, verification).
 * Registration's `traits.email` is not one: Kratos keeps the trait as typed and spells the
 * identifiers and addresses it derives from it itself. Passwords are never touched.
 */
export const SPELLED_FIELDS = ["identifier", "password_identifier", "address", "email"] as const;

type Refused = { ok: false; status: 400; message: string };
export type SubmissionVerdict = { ok: true; submission: Submission } | Refused;

const isCheckedField = (name: string): name is CheckedField =>
  (CHECKED_FIELDS as readonly string[]).includes(name);

const isSpelledField = (name: string) => (SPELLED_FIELDS as readonly string[]).includes(name);

// Text the BFF and Kratos would decode differently: a lone surrogate (JSON "\ud800", which Go
// reads as U+FFFD), and U+FFFD itself, which WHATWG's and Go's decoders make of bad UTF-8 in a
// percent-escape, but not as many of them. Never part of a real identifier.
const BROKEN_TEXT = /\uFFFD|\p{Cs}/u;

/** Why a submission's identifiers cannot be spelled as Kratos reads them, or null. */
function spellingProblem(s: Submission): string | null {
  const broken = SPELLED_FIELDS.find((name) => BROKEN_TEXT.test(field(s, name) ?? ""));
  return broken ? `The field "${broken}" is not valid text.` : null;
}

// Non-ASCII letters Go's case folding maps onto ASCII ones (Kelvin sign, long s, dotted and dotless i).
const GO_FOLDS_TO_ASCII: Record<string, string> = {
  "\u212a": "k",
  "\u017f": "s",
  "\u0130": "i",
  "\u0131": "i",
};

/** A name as Go's encoding/json compares it with an ASCII field name. */
function goFold(name: string): string {
  return [...name].map((c) => GO_FOLDS_TO_ASCII[c] ?? (c < "\x80" ? c.toLowerCase() : c)).join("");
}

const MAX_JSON_DEPTH = 32;
const MALFORMED_PERCENT = /%(?![0-9A-Fa-f]{2})/;

function refused(message: string): Refused {
  return { ok: false, status: 400, message };
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A form body with the checked fields narrowed to their first value and identifiers spelled as Kratos reads them. */
function canonicalForm(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (isCheckedField(name)) {
      if (seen.has(name)) continue;
      seen.add(name);
    }
    out.append(name, isSpelledField(name) ? spelledAsKratos(value) : value);
  }
  return out;
}

/** A JSON body with identifiers spelled as Kratos reads them (checked fields are strings by now). */
function canonicalJson(object: Record<string, unknown>): Record<string, unknown> {
  const out = { ...object };
  for (const name of SPELLED_FIELDS) {
    const value = out[name];
    if (typeof value === "string") out[name] = spelledAsKratos(value);
  }
  return out;
}

/** Why a JSON value cannot be forwarded faithfully, or null when it can. */
function jsonProblem(value: unknown, depth: number): string | null {
  if (depth > MAX_JSON_DEPTH) return `JSON nested deeper than ${MAX_JSON_DEPTH} levels.`;
  if (
    typeof value === "number" &&
    !(Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value)))
  ) {
    return "A JSON number is too large to forward exactly.";
  }
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) {
      const p = jsonProblem(v, depth + 1);
      if (p) return p;
    }
  }
  return null;
}

function readJson(text: string): SubmissionVerdict {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refused("The body is not valid JSON.");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return refused("The JSON body must be an object.");
  }
  const object = value as Record<string, unknown>;
  const lookalike = Object.keys(object).find((k) => !isCheckedField(k) && isCheckedField(goFold(k)));
  if (lookalike !== undefined) {
    return refused(`The field name ${JSON.stringify(lookalike)} must be spelled exactly as Kratos names it.`);
  }
  const notText = CHECKED_FIELDS.find((f) => Object.hasOwn(object, f) && typeof object[f] !== "string");
  if (notText) return refused(`The field "${notText}" must be a string.`);
  const problem = jsonProblem(object, 0) ?? spellingProblem(object);
  return problem ? refused(problem) : { ok: true, submission: canonicalJson(object) };
}

/** A form body's or a query's fields in canonical form, or a refusal when an identifier is not valid text. */
export function readFormFields(params: URLSearchParams): { ok: true; submission: URLSearchParams } | Refused {
  const form = canonicalForm(params);
  const problem = spellingProblem(form);
  return problem ? refused(problem) : { ok: true, submission: form };
}

/** Parses a body of a media type `parseMediaType` accepted. */
export function readSubmission(type: BodyType, bytes: Uint8Array): SubmissionVerdict {
  if (bytes.byteLength === 0) return refused("The body is empty.");
  const text = utf8(bytes);
  if (text === null) return refused("The body is not valid UTF-8.");
  if (type === "json") return readJson(text);
  if (MALFORMED_PERCENT.test(text)) return refused("The form body has a malformed percent-encoding.");
  return readFormFields(new URLSearchParams(text));
}

/** The body and Content-Type the BFF forwards for a submission. */
export function encodeSubmission(s: Submission): { contentType: string; body: string } {
  return s instanceof URLSearchParams
    ? { contentType: "application/x-www-form-urlencoded", body: s.toString() }
    : { contentType: "application/json", body: JSON.stringify(s) };
}

/** A checked field's value, or undefined when absent. */
export function field(s: Submission, name: CheckedField): string | undefined {
  const v = s instanceof URLSearchParams ? s.get(name) : Object.hasOwn(s, name) ? s[name] : undefined;
  return typeof v === "string" ? v : undefined;
}

/** True when the submission carries the checked field at all (even empty). */
export function hasField(s: Submission, name: CheckedField): boolean {
  return s instanceof URLSearchParams ? s.has(name) : Object.hasOwn(s, name);
}
