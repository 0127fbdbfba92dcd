import { describe, expect, it } from "vitest";
import { describeFlowError } from "@/lib/kratos/flowErrorText";

const GENERIC_5XX = { title: "Something went wrong on our side", message: "Please try again in a moment." };
const GENERIC_4XX_TITLE = "We could not complete that request";

describe("describeFlowError", () => {
  it("words each known Kratos error id", () => {
    const known = {
      security_csrf_violation: /could not be verified/,
      self_service_flow_expired: /expired/,
      session_already_available: /already signed in/,
      self_service_flow_return_to_forbidden: /return address is not allowed/,
    };
    const titles = new Set<string>();
    for (const [id, title] of Object.entries(known)) {
      const d = describeFlowError({
        id,
        code: 400,
        reason: "technical reason",
        message: "technical message",
      });
      expect(d.title).toMatch(title);
      expect(d.message).not.toBe("technical reason");
      expect(d.message.length).toBeGreaterThan(0);
      titles.add(d.title);
    }
    expect(titles.size).toBe(Object.keys(known).length);
  });

  it("prefers the id's wording even when the code is a 5xx", () => {
    expect(describeFlowError({ id: "self_service_flow_expired", code: 500 }).title).toBe("That page expired");
  });

  it("gives a generic server-side message for 5xx, hiding Kratos's reason", () => {
    expect(describeFlowError({ code: 500, reason: "db down: dial tcp 10.0.0.5:5432" })).toEqual(GENERIC_5XX);
    expect(describeFlowError({ code: 503, message: "upstream" })).toEqual(GENERIC_5XX);
    expect(describeFlowError({ id: "unknown_id", code: 502 })).toEqual(GENERIC_5XX);
  });

  it("shows the reason of a 4xx, else its message, else a default", () => {
    expect(
      describeFlowError({ code: 400, reason: "The request was malformed.", message: "Bad Request" }),
    ).toEqual({
      title: GENERIC_4XX_TITLE,
      message: "The request was malformed.",
    });
    expect(describeFlowError({ code: 404, message: "The requested resource could not be found" })).toEqual({
      title: GENERIC_4XX_TITLE,
      message: "The requested resource could not be found",
    });
    expect(describeFlowError({ code: 403, reason: "", message: "" })).toEqual({
      title: GENERIC_4XX_TITLE,
      message: "Please start again.",
    });
  });

  it("treats a missing or non-numeric code as a server error", () => {
    expect(describeFlowError({ reason: "something" })).toEqual(GENERIC_5XX);
    expect(describeFlowError({ code: "400", reason: "something" })).toEqual(GENERIC_5XX);
  });

  it("copes with garbage input", () => {
    for (const raw of [undefined, null, "", "security_csrf_violation", 42, true, [], () => 1]) {
      expect(describeFlowError(raw)).toEqual(GENERIC_5XX);
    }
  });

  it("does not take Object.prototype members for known ids", () => {
    for (const id of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const d = describeFlowError({ id, code: 400, reason: "Bad" });
      expect(d).toEqual({ title: GENERIC_4XX_TITLE, message: "Bad" });
    }
  });

  it("ignores a non-string id", () => {
    expect(describeFlowError({ id: 1, code: 400, reason: "Bad" })).toEqual({
      title: GENERIC_4XX_TITLE,
      message: "Bad",
    });
  });

  it("always returns string title and message, even for non-string reason or message", () => {
    const d = describeFlowError({ code: 400, reason: { nested: true }, message: ["x"] });
    expect(d).toEqual({ title: GENERIC_4XX_TITLE, message: "Please start again." });
    expect(describeFlowError({ code: 400, reason: 7, message: "Fallback" }).message).toBe("Fallback");
  });
});
