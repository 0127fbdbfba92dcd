import { describe, expect, it } from "vitest";
import { mapKratosError, type ErrorAction, type ErrorContext } from "@/lib/http/kratosErrors";
import type { FlowKind } from "@/lib/kratos/flows";
import { safeReturnTo } from "@/lib/policy/returnTo";

const APP = "http://localhost:3000";
const RETURN_TO = "http://localhost:3000/settings?tab=security";
const ENCODED_RETURN_TO = encodeURIComponent(RETURN_TO);

const isSafeRedirect = (url: string) => safeReturnTo(url, [APP]) !== undefined;

function ctx(overrides: Partial<ErrorContext> = {}): ErrorContext {
  return { isSafeRedirect, ...overrides };
}

function kratosError(
  id: string | undefined,
  extra: Record<string, unknown> = {},
  error: Record<string, unknown> = {},
) {
  return { error: { id, code: 400, message: "The request was malformed", ...error }, ...extra };
}

/** The redirect target of an action, failing the test when the action is not a redirect. */
function redirectOf(action: ErrorAction): string {
  if (action.type !== "redirect") throw new Error(`expected a redirect, got ${JSON.stringify(action)}`);
  return action.to;
}

describe("mapKratosError", () => {
  describe("session_aal2_required", () => {
    it("sends the user to an aal2 login carrying return_to", () => {
      const action = mapKratosError(403, kratosError("session_aal2_required"), ctx({ returnTo: RETURN_TO }));
      expect(action).toEqual({ type: "redirect", to: `/login?aal=aal2&return_to=${ENCODED_RETURN_TO}` });
    });

    it("omits return_to when there is none", () => {
      expect(redirectOf(mapKratosError(403, kratosError("session_aal2_required"), ctx()))).toBe(
        "/login?aal=aal2",
      );
    });

    it("does not follow Kratos's own redirect_browser_to", () => {
      const body = kratosError("session_aal2_required", {
        redirect_browser_to: "http://localhost:3000/api/kratos/self-service/login/browser?aal=aal2",
      });
      expect(redirectOf(mapKratosError(403, body, ctx()))).toBe("/login?aal=aal2");
    });
  });

  describe("session_refresh_required", () => {
    it("sends the user to a refresh login carrying return_to", () => {
      const action = mapKratosError(
        403,
        kratosError("session_refresh_required"),
        ctx({ returnTo: RETURN_TO }),
      );
      const to = new URL(redirectOf(action), APP);
      expect(to.pathname).toBe("/login");
      expect(to.searchParams.get("refresh")).toBe("true");
      expect(to.searchParams.get("return_to")).toBe(RETURN_TO);
      expect(to.searchParams.has("aal")).toBe(false);
    });

    it("works without return_to", () => {
      expect(redirectOf(mapKratosError(403, kratosError("session_refresh_required"), ctx()))).toBe(
        "/login?refresh=true",
      );
    });
  });

  describe("browser_location_change_required", () => {
    it("follows a safe redirect_browser_to", () => {
      const to = "http://localhost:3000/verification?flow=abc";
      const body = kratosError(
        "browser_location_change_required",
        { redirect_browser_to: to },
        { code: 422 },
      );
      expect(mapKratosError(422, body, ctx({ flow: "registration" }))).toEqual({ type: "redirect", to });
    });

    it.each([
      "https://evil.test/phish",
      "//evil.test",
      "javascript:alert(1)",
      "http://localhost:3000@evil.test/",
    ])("does not follow the unsafe redirect_browser_to %s", (unsafe) => {
      const body = kratosError(
        "browser_location_change_required",
        { redirect_browser_to: unsafe },
        { code: 422, reason: "Go elsewhere." },
      );
      const action = mapKratosError(422, body, ctx({ flow: "login" }));
      expect(action).toEqual({
        type: "error",
        status: 422,
        kind: "failed",
        reason: "Go elsewhere.",
      });
      expect(JSON.stringify(action)).not.toContain("evil.test");
    });

    it("asks the context, not its own judgement", () => {
      const seen: string[] = [];
      const to = "https://partner.example.test/continue";
      const body = kratosError("browser_location_change_required", { redirect_browser_to: to });
      const action = mapKratosError(
        422,
        body,
        ctx({
          isSafeRedirect: (url) => {
            seen.push(url);
            return url.startsWith("https://partner.example.test/");
          },
        }),
      );
      expect(seen).toEqual([to]);
      expect(action).toEqual({ type: "redirect", to });
    });

    it("falls back to an error without redirect_browser_to", () => {
      const action = mapKratosError(422, kratosError("browser_location_change_required"), ctx());
      expect(action.type).toBe("error");
    });
  });

  describe("self_service_flow_expired", () => {
    it("uses the replacement flow Kratos offers", () => {
      const body = kratosError("self_service_flow_expired", { use_flow_id: "0b6f-new" }, { code: 410 });
      expect(redirectOf(mapKratosError(410, body, ctx({ flow: "recovery", returnTo: RETURN_TO })))).toBe(
        "/recovery?flow=0b6f-new&notice=flow_expired",
      );
    });

    it("encodes the replacement flow id", () => {
      const body = kratosError("self_service_flow_expired", { use_flow_id: "a&return_to=https://evil.test" });
      const to = new URL(redirectOf(mapKratosError(410, body, ctx({ flow: "login" }))), APP);
      expect(to.pathname).toBe("/login");
      expect(to.searchParams.get("flow")).toBe("a&return_to=https://evil.test");
      expect(to.searchParams.has("return_to")).toBe(false);
    });

    it("starts a fresh flow of the same kind without a replacement flow", () => {
      const body = kratosError("self_service_flow_expired");
      expect(redirectOf(mapKratosError(410, body, ctx({ flow: "settings", returnTo: RETURN_TO })))).toBe(
        `/settings?return_to=${ENCODED_RETURN_TO}&notice=flow_expired`,
      );
    });

    it("starts a fresh login when the flow kind is unknown, even with a replacement flow id", () => {
      const body = kratosError("self_service_flow_expired", { use_flow_id: "0b6f-new" });
      expect(redirectOf(mapKratosError(410, body, ctx()))).toBe("/login?notice=flow_expired");
    });
  });

  describe("security_csrf_violation", () => {
    it.each<FlowKind>(["login", "registration", "recovery", "verification", "settings"])(
      "starts a fresh %s flow with notice=csrf",
      (flow) => {
        const action = mapKratosError(403, kratosError("security_csrf_violation"), ctx({ flow }));
        expect(action).toEqual({ type: "redirect", to: `/${flow}?notice=csrf` });
      },
    );

    it("carries return_to", () => {
      const action = mapKratosError(
        403,
        kratosError("security_csrf_violation"),
        ctx({ flow: "login", returnTo: RETURN_TO }),
      );
      expect(redirectOf(action)).toBe(`/login?return_to=${ENCODED_RETURN_TO}&notice=csrf`);
    });

    it("defaults to login without a flow kind", () => {
      expect(redirectOf(mapKratosError(403, kratosError("security_csrf_violation"), ctx()))).toBe(
        "/login?notice=csrf",
      );
    });
  });

  describe("session_already_available", () => {
    it("goes to return_to", () => {
      expect(
        mapKratosError(400, kratosError("session_already_available"), ctx({ returnTo: RETURN_TO })),
      ).toEqual({
        type: "redirect",
        to: RETURN_TO,
      });
    });

    it("goes home without return_to", () => {
      expect(
        redirectOf(mapKratosError(400, kratosError("session_already_available"), ctx({ flow: "login" }))),
      ).toBe("/");
    });

    it("ignores redirect_browser_to", () => {
      const body = kratosError("session_already_available", { redirect_browser_to: "https://evil.test/" });
      expect(redirectOf(mapKratosError(400, body, ctx()))).toBe("/");
    });
  });

  it("self_service_flow_return_to_forbidden goes home with a notice", () => {
    const action = mapKratosError(
      400,
      kratosError("self_service_flow_return_to_forbidden"),
      ctx({ flow: "login", returnTo: RETURN_TO }),
    );
    expect(action).toEqual({ type: "redirect", to: "/?notice=return_to_forbidden" });
  });

  it.each(["session_inactive", "no_active_session"])("%s sends the user to login with return_to", (id) => {
    expect(redirectOf(mapKratosError(401, kratosError(id), ctx({ returnTo: RETURN_TO })))).toBe(
      `/login?return_to=${ENCODED_RETURN_TO}`,
    );
  });

  it("security_identity_mismatch starts a fresh flow", () => {
    expect(
      redirectOf(mapKratosError(400, kratosError("security_identity_mismatch"), ctx({ flow: "settings" }))),
    ).toBe("/settings?notice=flow_expired");
  });

  describe("errors without a known id", () => {
    it("401 sends the user to login with return_to", () => {
      expect(mapKratosError(401, {}, ctx({ returnTo: RETURN_TO }))).toEqual({
        type: "redirect",
        to: `/login?return_to=${ENCODED_RETURN_TO}`,
      });
      expect(redirectOf(mapKratosError(401, null, ctx()))).toBe("/login");
    });

    it.each([400, 403, 404, 410])("%i on a flow starts a fresh flow", (status) => {
      const action = mapKratosError(
        status,
        kratosError(undefined, {}, { code: status }),
        ctx({ flow: "verification" }),
      );
      expect(redirectOf(action)).toBe("/verification?notice=flow_expired");
    });

    it("404 on a flow carries return_to into the fresh flow", () => {
      const action = mapKratosError(
        404,
        kratosError("not_found"),
        ctx({ flow: "login", returnTo: RETURN_TO }),
      );
      expect(redirectOf(action)).toBe(`/login?return_to=${ENCODED_RETURN_TO}&notice=flow_expired`);
    });

    it("404 without a flow is an error, not a redirect", () => {
      const action = mapKratosError(404, kratosError(undefined, {}, { reason: "No such thing." }), ctx());
      expect(action).toEqual({
        type: "error",
        status: 404,
        kind: "failed",
        reason: "No such thing.",
      });
    });

    it.each([500, 502, 503, 504])("%i becomes a 503 without Kratos's details", (status) => {
      const body = kratosError(
        undefined,
        {},
        { code: status, reason: "dial tcp 10.0.0.5:5432: connection refused" },
      );
      const action = mapKratosError(status, body, ctx({ flow: "login" }));
      expect(action).toEqual({
        type: "error",
        status: 503,
        kind: "unavailable",
      });
    });

    it("other 4xx become an error with Kratos's reason", () => {
      const body = kratosError(
        undefined,
        {},
        { code: 422, reason: "The password is too short.", message: "generic" },
      );
      expect(mapKratosError(422, body, ctx({ flow: "registration" }))).toEqual({
        type: "error",
        status: 422,
        kind: "failed",
        reason: "The password is too short.",
      });
    });

    it("falls back to Kratos's message, then to none (the page's generic wording)", () => {
      const withMessage = mapKratosError(
        429,
        kratosError(undefined, {}, { message: "Too many requests" }),
        ctx(),
      );
      expect(withMessage).toMatchObject({ type: "error", status: 429, reason: "Too many requests" });
      const bare = mapKratosError(429, "rate limited", ctx());
      expect(bare).toEqual({ type: "error", status: 429, kind: "failed", reason: undefined });
    });

    it("turns a non-error status into a 500", () => {
      expect(mapKratosError(302, {}, ctx())).toMatchObject({ type: "error", status: 500 });
      expect(mapKratosError(200, {}, ctx({ flow: "login" }))).toMatchObject({ type: "error", status: 500 });
    });
  });

  it("treats an unknown error id by its status", () => {
    expect(redirectOf(mapKratosError(401, kratosError("something_new"), ctx()))).toBe("/login");
    expect(mapKratosError(500, kratosError("something_new"), ctx())).toMatchObject({
      type: "error",
      status: 503,
    });
  });
});
