import { describe, expect, it } from "vitest";
import { describeFlowError, KNOWN_FLOW_ERRORS } from "@/lib/kratos/flowErrorText";
import en from "@/messages/en.json";

const SERVER = { kind: "server" };
const request = (reason?: string) => ({ kind: "request", reason });

describe("describeFlowError", () => {
  it("words each known Kratos error id, never with Kratos's technical reason", () => {
    for (const id of KNOWN_FLOW_ERRORS) {
      const d = describeFlowError({
        id,
        code: 400,
        reason: "technical reason",
        message: "technical message",
      });
      expect(d).toEqual({ known: id });
      expect(en.flowError[id].title.length).toBeGreaterThan(0);
    }
  });

  it("prefers the id's wording even when the code is a 5xx", () => {
    expect(describeFlowError({ id: "self_service_flow_expired", code: 500 })).toEqual({
      known: "self_service_flow_expired",
    });
  });

  it("gives a generic server-side text for 5xx, hiding Kratos's reason", () => {
    expect(describeFlowError({ code: 500, reason: "db down: dial tcp 10.0.0.5:5432" })).toEqual(SERVER);
    expect(describeFlowError({ code: 503, message: "upstream" })).toEqual(SERVER);
    expect(describeFlowError({ id: "unknown_id", code: 502 })).toEqual(SERVER);
  });

  it("passes the reason of a 4xx, else its message, else none", () => {
    expect(
      describeFlowError({ code: 400, reason: "The request was malformed.", message: "Bad Request" }),
    ).toEqual(request("The request was malformed."));
    expect(describeFlowError({ code: 404, message: "The requested resource could not be found" })).toEqual(
      request("The requested resource could not be found"),
    );
    expect(describeFlowError({ code: 403, reason: "", message: "" })).toEqual(request(undefined));
  });

  it("treats a missing or non-numeric code as a server error", () => {
    expect(describeFlowError({ reason: "something" })).toEqual(SERVER);
    expect(describeFlowError({ code: "400", reason: "something" })).toEqual(SERVER);
  });

  it("copes with garbage input", () => {
    for (const raw of [undefined, null, "", "security_csrf_violation", 42, true, [], () => 1]) {
      expect(describeFlowError(raw)).toEqual(SERVER);
    }
  });

  it("does not take Object.prototype members for known ids", () => {
    for (const id of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(describeFlowError({ id, code: 400, reason: "Bad" })).toEqual(request("Bad"));
    }
  });

  it("ignores a non-string id", () => {
    expect(describeFlowError({ id: 1, code: 400, reason: "Bad" })).toEqual(request("Bad"));
  });

  it("passes only a string reason or message", () => {
    expect(describeFlowError({ code: 400, reason: { nested: true }, message: ["x"] })).toEqual(
      request(undefined),
    );
    expect(describeFlowError({ code: 400, reason: 7, message: "Fallback" })).toEqual(request("Fallback"));
  });
});
