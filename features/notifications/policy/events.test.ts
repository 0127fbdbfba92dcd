import { describe, expect, it } from "vitest";
import { MAX_SEND_ATTEMPTS, idempotencyKey, readHookCall, readTrigger, retryDelayMs } from "./events";

const FLOW = "0b4c7a3e-8f1d-4f4a-9c55-3f0c2d6a1e11";
const IDENTITY = "5e2d9c41-7b3a-4e8f-a1d2-6c9b0e4f7a33";

describe("readTrigger", () => {
  it("knows the hooks the stack configures, and nothing else", () => {
    expect(readTrigger("login", null)).toEqual({ flow: "login" });
    expect(readTrigger("settings", "totp")).toEqual({ flow: "settings", method: "totp" });
    expect(readTrigger("settings", "profile")).toBeNull();
    expect(readTrigger("verification", null)).toBeNull();
    expect(readTrigger(null, null)).toBeNull();
  });
});

describe("readHookCall", () => {
  it("reads the jsonnet body", () => {
    expect(
      readHookCall(
        { flow: "login" },
        { flow_id: FLOW, identity_id: IDENTITY, user_agent: "UA", locale: "de" },
      ),
    ).toEqual({
      trigger: { flow: "login" },
      flowId: FLOW,
      identityId: IDENTITY,
      userAgent: "UA",
      clientIp: "",
      localeCookie: "de",
      acceptLanguage: "",
    });
  });

  it.each([[null], [[]], [{ flow_id: FLOW }], [{ flow_id: "x", identity_id: IDENTITY }], ["text"]])(
    "refuses %j",
    (body) => expect(readHookCall({ flow: "login" }, body)).toBeNull(),
  );
});

describe("idempotencyKey", () => {
  it("is the flow and the event: a repeat has the same key, another change in the flow another", () => {
    expect(idempotencyKey(FLOW, { type: "totp_added" })).toBe(idempotencyKey(FLOW, { type: "totp_added" }));
    expect(idempotencyKey(FLOW, { type: "totp_added" })).not.toBe(
      idempotencyKey(FLOW, { type: "totp_removed" }),
    );
    expect(idempotencyKey(FLOW, { type: "oidc_linked", provider: "a" })).not.toBe(
      idempotencyKey(FLOW, { type: "oidc_linked", provider: "b" }),
    );
  });
});

describe("retryDelayMs", () => {
  it("doubles from 5 s and stops growing at 10 min", () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000]);
    expect(retryDelayMs(MAX_SEND_ATTEMPTS + 5)).toBe(600_000);
  });
});
