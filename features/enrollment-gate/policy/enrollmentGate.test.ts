import { describe, expect, it } from "vitest";
import {
  afterSignIn,
  GATE_COOKIE,
  markPrompted,
  shouldPromptEnrollment,
} from "@/features/enrollment-gate/policy/enrollmentGate";

const ID = "9f1c2a4e-0b7d-4e8a-9c61-3f2b5d7e8a10";
const OTHER = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";

function ask(overrides: Partial<Parameters<typeof shouldPromptEnrollment>[0]> = {}) {
  return shouldPromptEnrollment({
    enabled: true,
    credentialTypes: ["password", "code"],
    identityId: ID,
    promptedCookie: undefined,
    ...overrides,
  });
}

describe("GATE_COOKIE", () => {
  it("has a stable name", () => {
    expect(GATE_COOKIE).toBe("enrollment_prompted");
  });
});

describe("shouldPromptEnrollment", () => {
  it("prompts an identity with only a password and the email code", () => {
    expect(ask()).toBe(true);
    expect(ask({ credentialTypes: ["password"] })).toBe(true);
    expect(ask({ credentialTypes: ["code"] })).toBe(true);
    expect(ask({ credentialTypes: [] })).toBe(true);
  });

  it("prompts a passkey-only identity (a passkey is a first factor)", () => {
    expect(ask({ credentialTypes: ["passkey", "code"] })).toBe(true);
  });

  it("never prompts when the gate is disabled", () => {
    expect(ask({ enabled: false })).toBe(false);
  });

  it("does not prompt an identity that has an independent second factor", () => {
    for (const t of ["totp", "webauthn", "lookup_secret"]) {
      expect(ask({ credentialTypes: ["password", "code", t] })).toBe(false);
    }
  });

  it("does not prompt an identity already prompted in this browser", () => {
    expect(ask({ promptedCookie: ID })).toBe(false);
    expect(ask({ promptedCookie: `${OTHER}.${ID}` })).toBe(false);
  });

  it("prompts when only other identities were prompted in this browser", () => {
    expect(ask({ promptedCookie: OTHER })).toBe(true);
    expect(ask({ promptedCookie: `${OTHER}.another` })).toBe(true);
  });

  it("matches whole ids only, not substrings of the cookie", () => {
    expect(ask({ promptedCookie: `${ID}x` })).toBe(true);
    expect(ask({ promptedCookie: ID.slice(0, 8) })).toBe(true);
  });

  it("treats an empty or dotted-empty cookie as no prompt yet", () => {
    expect(ask({ promptedCookie: "" })).toBe(true);
    expect(ask({ promptedCookie: "..." })).toBe(true);
  });
});

describe("markPrompted", () => {
  it("starts a cookie with the identity", () => {
    expect(markPrompted(undefined, ID)).toBe(ID);
    expect(markPrompted("", ID)).toBe(ID);
  });

  it("appends the identity after the ones already there", () => {
    expect(markPrompted(OTHER, ID)).toBe(`${OTHER}.${ID}`);
  });

  it("does not duplicate an identity, moving it to the end", () => {
    expect(markPrompted(`${ID}.${OTHER}`, ID)).toBe(`${OTHER}.${ID}`);
    expect(markPrompted(ID, ID)).toBe(ID);
  });

  it("keeps at most five ids, dropping the oldest", () => {
    let cookie: string | undefined;
    for (const id of ["a", "b", "c", "d", "e", "f", "g"]) cookie = markPrompted(cookie, id);
    expect(cookie!.split(".")).toEqual(["c", "d", "e", "f", "g"]);
  });

  it("drops empty segments", () => {
    expect(markPrompted(`.${OTHER}..`, ID)).toBe(`${OTHER}.${ID}`);
  });

  it("round-trips with shouldPromptEnrollment", () => {
    const cookie = markPrompted(markPrompted(undefined, OTHER), ID);
    expect(ask({ promptedCookie: cookie })).toBe(false);
    expect(ask({ identityId: OTHER, promptedCookie: cookie })).toBe(false);
    expect(ask({ identityId: "someone-else", promptedCookie: cookie })).toBe(true);
  });
});

describe("afterSignIn", () => {
  const base = { gateEnabled: true, identityId: "id-1", promptedCookie: undefined };
  const password = [{ method: "password", aal: "aal1" }];

  it("asks a user with TOTP for it right after the password", () => {
    expect(afterSignIn({ ...base, credentialTypes: ["password", "totp"], amr: password })).toEqual({
      type: "step_up",
    });
  });

  it("lets a session that already has an independent second factor through", () => {
    const amr = [...password, { method: "totp", aal: "aal2" }];
    expect(afterSignIn({ ...base, credentialTypes: ["password", "totp"], amr })).toEqual({
      type: "continue",
    });
  });

  it("does not count a same-inbox pair as done for a user with a security key", () => {
    const amr = [
      { method: "code_recovery", aal: "aal1" },
      { method: "code", aal: "aal2" },
    ];
    expect(afterSignIn({ ...base, credentialTypes: ["password", "webauthn"], amr })).toEqual({
      type: "step_up",
    });
  });

  it("prompts an inbox-only user once, then never again in this browser", () => {
    const first = afterSignIn({ ...base, credentialTypes: ["password", "code"], amr: password });
    expect(first).toEqual({ type: "prompt_enrollment" });
    const again = afterSignIn({
      ...base,
      credentialTypes: ["password"],
      amr: password,
      promptedCookie: markPrompted(undefined, "id-1"),
    });
    expect(again).toEqual({ type: "continue" });
  });

  it("never prompts when the gate is off", () => {
    expect(
      afterSignIn({ ...base, gateEnabled: false, credentialTypes: ["password"], amr: password }),
    ).toEqual({ type: "continue" });
  });
});
