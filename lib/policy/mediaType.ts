// The BFF's reading of a submission's Content-Type. Pure. Strict on purpose: exactly one
// media type (RFC 9110 syntax), names case-insensitive, parameters split off. Kratos (ory/x
// decoderx) splits the header on commas and tries JSON before form, so anything looser than
// "one type" could make the BFF and Kratos read one request two ways. The BFF forwards a
// body it re-encodes with its own Content-Type, so a parameter other than charset changes
// nothing and is dropped.

export type BodyType = "form" | "json";

export type MediaTypeVerdict = { ok: true; type: BodyType } | { ok: false; status: 415; message: string };

export const ACCEPTED_MEDIA_TYPES = "application/x-www-form-urlencoded or application/json (UTF-8)";

const TYPES: Record<string, BodyType> = {
  "application/x-www-form-urlencoded": "form",
  "application/json": "json",
};

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"(?:[^"\\\\\\x00-\\x08\\x0a-\\x1f\\x7f]|\\\\[\\x09\\x20-\\x7e\\x80-\\xff])*"';
const MEDIA_TYPE = new RegExp(
  `^(${TOKEN})/(${TOKEN})((?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|${QUOTED}))*)[ \\t]*$`,
);
const PARAMETER = new RegExp(`;[ \\t]*(${TOKEN})=(${TOKEN}|${QUOTED})`, "g");

function refused(message: string): MediaTypeVerdict {
  return { ok: false, status: 415, message: `${message} Send ${ACCEPTED_MEDIA_TYPES}.` };
}

function unquote(value: string): string {
  return value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, "$1") : value;
}

/** Reads a Content-Type header the way the BFF accepts it, or says why not. */
export function parseMediaType(header: string | null): MediaTypeVerdict {
  const value = header?.trim() ?? "";
  if (!value) return refused("A Content-Type is required.");
  const m = MEDIA_TYPE.exec(value);
  if (!m) return refused("The Content-Type must be exactly one media type.");
  const essence = `${m[1]}/${m[2]}`.toLowerCase();
  const params = new Map<string, string>();
  for (const [, name = "", raw = ""] of (m[3] ?? "").matchAll(PARAMETER)) {
    const key = name.toLowerCase();
    if (params.has(key)) return refused(`The Content-Type repeats the parameter "${key}".`);
    params.set(key, unquote(raw));
  }
  const type = TYPES[essence];
  if (!type) {
    return refused(
      essence === "multipart/form-data"
        ? "Multipart bodies are not accepted (no form of this app sends one)."
        : `The media type ${essence} is not accepted.`,
    );
  }
  const charset = params.get("charset");
  if (charset !== undefined && charset.toLowerCase() !== "utf-8") {
    return refused(`The charset ${charset} is not accepted.`);
  }
  return { ok: true, type };
}
