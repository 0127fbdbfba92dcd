import { describe, expect, it } from "vitest";
import { parseMediaType } from "@/lib/policy/mediaType";
import { encodeSubmission, field, readFormFields, readSubmission } from "@/lib/policy/submission";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/** What the proxy does with a body: the bytes and type it forwards, or the status it answers. */
function outcome(contentType: string | null, body: string | Uint8Array) {
  const media = parseMediaType(contentType);
  if (!media.ok) return { refused: media.status };
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const read = readSubmission(media.type, bytes);
  if (!read.ok) return { refused: read.status };
  return { forwarded: encodeSubmission(read.submission) };
}

const asForm = (body: string) => ({ forwarded: { contentType: FORM, body } });
const asJson = (body: string) => ({ forwarded: { contentType: JSON_TYPE, body } });

const multipart = (boundary: string, fields: [string, string][]) =>
  fields
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join("") + `--${boundary}--\r\n`;

describe("the proxy's reading of a submission: forwarded (re-encoded) or refused", () => {
  it.each([
    // Media types: exactly one, case-insensitive, parameters split off.
    ["form", FORM, "method=password&identifier=a%40x.test", asForm("method=password&identifier=a%40x.test")],
    [
      "JSON object",
      JSON_TYPE,
      '{"method":"code","address":"a@x.test"}',
      asJson('{"method":"code","address":"a@x.test"}'),
    ],
    ["upper-case form type", "Application/X-WWW-Form-URLEncoded", "method=code", asForm("method=code")],
    ["upper-case JSON type", "APPLICATION/JSON", '{"method":"code"}', asJson('{"method":"code"}')],
    ["charset=utf-8", `${FORM}; charset=UTF-8`, "method=totp", asForm("method=totp")],
    ["quoted charset", `${JSON_TYPE};charset="utf-8"`, '{"a":"b"}', asJson('{"a":"b"}')],
    [
      "a parameter naming another type",
      `${JSON_TYPE}; x="${FORM}"`,
      '{"method":"code"}',
      asJson('{"method":"code"}'),
    ],
    [
      "an unquoted parameter with a slash (not a token)",
      `${JSON_TYPE}; x=${FORM}`,
      '{"a":"b"}',
      { refused: 415 },
    ],
    ["a quoted parameter with a comma", `${JSON_TYPE}; x="a, ${FORM}"`, '{"a":"b"}', asJson('{"a":"b"}')],
    ["comma list, JSON first", `${JSON_TYPE}, ${FORM}`, '{"method":"code"}', { refused: 415 }],
    ["comma list, form first", `${FORM}, ${JSON_TYPE}`, "method=code", { refused: 415 }],
    ["comma list of one type twice", `${FORM},${FORM}`, "method=code", { refused: 415 }],
    ["trailing comma", `${FORM},`, "method=code", { refused: 415 }],
    ["no Content-Type", null, "method=code", { refused: 415 }],
    ["empty Content-Type", "", "method=code", { refused: 415 }],
    ["text/plain", "text/plain", "method=code", { refused: 415 }],
    ["a type that only contains the form type", `text/${FORM}`, "method=code", { refused: 415 }],
    ["a type with a suffix", `${JSON_TYPE}x`, '{"a":"b"}', { refused: 415 }],
    ["application/*+json", "application/merge-patch+json", '{"a":"b"}', { refused: 415 }],
    ["other charset", `${FORM}; charset=iso-8859-1`, "method=code", { refused: 415 }],
    ["repeated parameter", `${JSON_TYPE}; charset=utf-8; charset=utf-8`, '{"a":"b"}', { refused: 415 }],
    ["malformed parameter", `${JSON_TYPE}; charset`, '{"a":"b"}', { refused: 415 }],
    ["unterminated quote", `${JSON_TYPE}; x="a`, '{"a":"b"}', { refused: 415 }],
    [
      "multipart, duplicate fields",
      "multipart/form-data; boundary=b",
      multipart("b", [
        ["method", "totp"],
        ["method", "code"],
        ["address", "a@x.test"],
      ]),
      { refused: 415 },
    ],
    // Bodies.
    ["empty form body", FORM, "", { refused: 400 }],
    ["empty JSON body", JSON_TYPE, "", { refused: 400 }],
    [
      "form: duplicate checked field keeps the first (as Kratos reads text fields)",
      FORM,
      "method=totp&method=code&code=1&code=2",
      asForm("method=totp&code=1"),
    ],
    [
      "form: other duplicates go through in order",
      FORM,
      "traits.tags=a&traits.tags=b",
      asForm("traits.tags=a&traits.tags=b"),
    ],
    [
      "form: '+', escapes and ';' re-encoded",
      FORM,
      "identifier=a+b%40x.test;x=1",
      asForm("identifier=a+b%40x.test%3Bx%3D1"),
    ],
    ["form: malformed percent-encoding", FORM, "identifier=%ZZ", { refused: 400 }],
    ["form: truncated percent-encoding", FORM, "identifier=%E0%A4%A", { refused: 400 }],
    ["form: invalid UTF-8 bytes", FORM, new Uint8Array([0x61, 0x3d, 0xff]), { refused: 400 }],
    [
      "JSON: nested object (traits) kept",
      JSON_TYPE,
      '{"traits":{"email":"a@x.test","name":{"first":"A"}}}',
      asJson('{"traits":{"email":"a@x.test","name":{"first":"A"}}}'),
    ],
    [
      "JSON: arrays inside kept",
      JSON_TYPE,
      '{"traits":{"tags":["a","b"]},"n":1.5,"ok":true,"x":null}',
      asJson('{"traits":{"tags":["a","b"]},"n":1.5,"ok":true,"x":null}'),
    ],
    [
      "JSON: whitespace and escapes normalised",
      JSON_TYPE,
      ' { "method" : "pass\\u0077ord" } ',
      asJson('{"method":"password"}'),
    ],
    [
      "JSON: duplicate key keeps the last (JSON.parse and Go alike)",
      JSON_TYPE,
      '{"method":"code","method":"totp"}',
      asJson('{"method":"totp"}'),
    ],
    ["JSON: top-level array", JSON_TYPE, '[{"method":"code"}]', { refused: 400 }],
    ["JSON: string", JSON_TYPE, '"code"', { refused: 400 }],
    ["JSON: null", JSON_TYPE, "null", { refused: 400 }],
    ["JSON: malformed", JSON_TYPE, "{not json", { refused: 400 }],
    [
      "JSON: two values (Go would read the first)",
      JSON_TYPE,
      '{"method":"password"}{"method":"code"}',
      { refused: 400 },
    ],
    ["JSON: form body sent as JSON", JSON_TYPE, "method=code&address=a%40x.test", { refused: 400 }],
    [
      "JSON: other names in any case go through",
      JSON_TYPE,
      '{"traits":{"Name":"A"},"Transient":1}',
      asJson('{"traits":{"Name":"A"},"Transient":1}'),
    ],
    [
      "JSON: upper-case name (Go fills `method` from it)",
      JSON_TYPE,
      '{"Method":"code","Address":"a@x.test"}',
      { refused: 400 },
    ],
    [
      "JSON: Unicode-folding name (Go reads ſ as s)",
      JSON_TYPE,
      '{"addre\u017fs":"a@x.test"}',
      { refused: 400 },
    ],
    ["JSON: checked field not a string", JSON_TYPE, '{"address":["a@x.test"]}', { refused: 400 }],
    ["JSON: integer beyond 2^53", JSON_TYPE, '{"traits":{"n":12345678901234567890}}', { refused: 400 }],
    ["JSON: number overflowing to Infinity", JSON_TYPE, '{"n":1e400}', { refused: 400 }],
    ["JSON: nested deeper than 32", JSON_TYPE, `{"a":${"[".repeat(40)}${"]".repeat(40)}}`, { refused: 400 }],
    [
      "JSON: invalid UTF-8 bytes",
      JSON_TYPE,
      new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x22, 0x7d]),
      { refused: 400 },
    ],
    // Identifiers and addresses: forwarded as Kratos looks them up (Go's ToLower(TrimSpace)).
    [
      "form: identifier spelled as Kratos reads it, password untouched",
      FORM,
      "identifier=%C2%85+K%C4%B0M%40X.TEST+&password=+Pw+",
      asForm("identifier=kim%40x.test&password=+Pw+"),
    ],
    [
      "JSON: email, address and password_identifier spelled; traits.email kept as typed",
      JSON_TYPE,
      '{"email":" \u0130@X.TEST ","address":"\u212aA@X","password_identifier":"\u3000B@X","traits":{"email":" A@X.TEST "}}',
      asJson(
        '{"email":"i@x.test","address":"ka@x","password_identifier":"b@x","traits":{"email":" A@X.TEST "}}',
      ),
    ],
    [
      "JSON: identifier with a lone surrogate",
      JSON_TYPE,
      '{"identifier":"a\\ud800@x.test"}',
      { refused: 400 },
    ],
    ["JSON: identifier with U+FFFD", JSON_TYPE, '{"identifier":"a\\ufffd@x.test"}', { refused: 400 }],
    ["form: email with bad UTF-8 in a percent-escape", FORM, "email=a%E2%82%40x.test", { refused: 400 }],
    [
      "JSON: U+FFFD outside identifiers goes through",
      JSON_TYPE,
      '{"traits":{"name":"\\ufffd"}}',
      asJson('{"traits":{"name":"\ufffd"}}'),
    ],
  ])("%s", (_name, contentType, body, expected) => {
    expect(outcome(contentType, body)).toEqual(expected);
  });
});

describe("field", () => {
  it("reads the one value every check and Kratos read", () => {
    const read = readSubmission("form", new TextEncoder().encode("method=password&method=code"));
    expect(read.ok && field(read.submission, "method")).toBe("password");
    expect(field({ method: "code" }, "method")).toBe("code");
    expect(field({ code: 123456 }, "code")).toBeUndefined();
    expect(field({}, "identifier")).toBeUndefined();
  });
});

describe("readFormFields", () => {
  it("spells a query's address as Kratos reads it, and refuses one that is not valid text", () => {
    const read = readFormFields(new URLSearchParams("flow=f&code=1&email=%20A%40X.test%E2%80%A8"));
    expect(read.ok && read.submission.toString()).toBe("flow=f&code=1&email=a%40x.test");
    expect(readFormFields(new URLSearchParams("email=%FF%40x.test"))).toMatchObject({
      ok: false,
      status: 400,
    });
  });
});

describe("parseMediaType", () => {
  it("names what is accepted when it refuses", () => {
    const v = parseMediaType(`application/json, ${FORM}`);
    expect(v).toMatchObject({ ok: false, status: 415 });
    expect(!v.ok && v.message).toContain("application/x-www-form-urlencoded or application/json");
  });
});
