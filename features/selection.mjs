// Which optional features run: the one place that reads `FEATURES`, for the stack scripts and the
// app alike (plain JS, so that Node runs it without a build). Pure.
//
//   FEATURES unset or "all"   every feature below
//   FEATURES=-oidc            all but OIDC (one word turns a feature off)
//   FEATURES=none             the core only
//   FEATURES=oidc,elements    exactly these
//
// Each feature lives in a folder of its own beside this file.

/** Every optional feature, in the order the stacks start their services. */
export const FEATURE_NAMES = Object.freeze([
  "oidc",
  "elements",
  "enrollment-gate",
  "account-deletion",
  "hydra",
  "notifications",
]);

/**
 * The features a `FEATURES` value selects, as { ok: true, features } in FEATURE_NAMES order, or
 * { ok: false, error } naming what is wrong (an unknown name, or a list mixing "-name" and "name").
 */
export function selectFeatures(value, known = FEATURE_NAMES) {
  const words = (value ?? "")
    .split(",")
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (words.length === 0 || (words.length === 1 && words[0] === "all"))
    return { ok: true, features: [...known] };
  if (words.length === 1 && words[0] === "none") return { ok: true, features: [] };
  const removing = words.filter((w) => w.startsWith("-"));
  if (removing.length > 0 && removing.length !== words.filter((w) => w !== "all").length)
    return { ok: false, error: `FEATURES mixes "-name" with "name": ${value}` };
  const names = words.filter((w) => w !== "all").map((w) => w.replace(/^-/, ""));
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0)
    return {
      ok: false,
      error: `FEATURES names unknown feature(s) ${unknown.join(", ")}; known: ${known.join(", ")}`,
    };
  const chosen =
    removing.length > 0 ? known.filter((n) => !names.includes(n)) : known.filter((n) => names.includes(n));
  return { ok: true, features: chosen };
}
