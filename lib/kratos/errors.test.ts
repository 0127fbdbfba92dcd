import { describe, expect, it } from "vitest";
import { KratosResponseError, KratosUnavailableError, errorId } from "@/lib/kratos/errors";

function kratosError(
  id: string | undefined,
  extra: Record<string, unknown> = {},
  error: Record<string, unknown> = {},
) {
  return { error: { id, code: 400, message: "The request was malformed", ...error }, ...extra };
}

describe("errorId", () => {
  it("reads error.id from a Kratos body", () => {
    expect(errorId(kratosError("session_aal2_required"))).toBe("session_aal2_required");
  });

  it("is undefined for bodies without one", () => {
    expect(errorId({})).toBeUndefined();
    expect(errorId({ error: {} })).toBeUndefined();
    expect(errorId(null)).toBeUndefined();
    expect(errorId("session_aal2_required")).toBeUndefined();
    expect(errorId(42)).toBeUndefined();
  });
});

describe("KratosResponseError", () => {
  it("keeps status and body and names the error id", () => {
    const body = kratosError("session_aal2_required");
    const err = new KratosResponseError(403, body);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("KratosResponseError");
    expect(err.status).toBe(403);
    expect(err.body).toBe(body);
    expect(err.message).toBe("Kratos answered 403 (session_aal2_required)");
  });

  it("leaves the id out when there is none", () => {
    expect(new KratosResponseError(500, "oops").message).toBe("Kratos answered 500");
  });
});

describe("KratosUnavailableError", () => {
  it("keeps its cause", () => {
    const cause = new Error("timeout");
    const err = new KratosUnavailableError(cause);
    expect(err.name).toBe("KratosUnavailableError");
    expect(err.cause).toBe(cause);
  });
});
