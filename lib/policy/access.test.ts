import { describe, expect, it } from "vitest";
import { decideAccess, type SessionFacts } from "@/lib/policy/access";
import { DEFAULT_FACTOR_POLICY, type AmrEntry, type FactorPolicy } from "@/lib/policy/factors";

const password: AmrEntry = { method: "password", aal: "aal1" };
const codeRecovery: AmrEntry = { method: "code_recovery", aal: "aal1" };
const code: AmrEntry = { method: "code", aal: "aal2" };
const totp: AmrEntry = { method: "totp", aal: "aal2" };
const webauthn: AmrEntry = { method: "webauthn", aal: "aal2" };
const passkey: AmrEntry = { method: "passkey", aal: "aal1" };

function session(amr: AmrEntry[], credentialTypes: string[], kratosAal = "aal1"): SessionFacts {
  return { kratosAal, amr, credentialTypes };
}

// The default policy unless a test passes its own.
const decide = (
  requirement: Parameters<typeof decideAccess>[0],
  facts: SessionFacts | null,
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
) => decideAccess(requirement, facts, policy);

describe("decideAccess", () => {
  it("sends a request without a session to sign in, whatever the requirement", () => {
    expect(decide("aal1", null)).toEqual({ type: "sign_in" });
    expect(decide("highest_available", null)).toEqual({ type: "sign_in" });
  });

  it("allows any session where aal1 is required", () => {
    expect(decide("aal1", session([password], ["password"]))).toEqual({ type: "allow" });
    expect(decide("aal1", session([codeRecovery], ["password", "totp"]))).toEqual({ type: "allow" });
    expect(decide("aal1", session([], []))).toEqual({ type: "allow" });
  });

  describe("highest_available", () => {
    it("allows password + TOTP", () => {
      expect(decide("highest_available", session([password, totp], ["password", "totp"], "aal2"))).toEqual({
        type: "allow",
      });
    });

    it("allows password + email code (different channels)", () => {
      expect(decide("highest_available", session([password, code], ["password"], "aal2"))).toEqual({
        type: "allow",
      });
    });

    it("allows passkey + email code", () => {
      expect(decide("highest_available", session([passkey, code], ["passkey"], "aal2"))).toEqual({
        type: "allow",
      });
    });

    it("steps up a password-only session (the email code makes aal2 reachable), without refresh", () => {
      expect(decide("highest_available", session([password], ["password"], "aal1"))).toEqual({
        type: "step_up",
        refresh: false,
      });
    });

    it("steps up a password-only session of an identity with TOTP", () => {
      expect(decide("highest_available", session([password], ["password", "totp"]))).toEqual({
        type: "step_up",
        refresh: false,
      });
    });

    it("steps up a recovery-code + email-code session that Kratos calls aal2 (#4317), with refresh", () => {
      const facts = session([codeRecovery, code], ["password", "totp"], "aal2");
      expect(decide("highest_available", facts)).toEqual({ type: "step_up", refresh: true });
    });

    it("steps up a recovery-code + email-code session even when only the inbox is enrolled", () => {
      // Such an identity has a password too (knowledge + inbox is reachable), so aal2 is required.
      expect(decide("highest_available", session([codeRecovery, code], ["password"], "aal2"))).toEqual({
        type: "step_up",
        refresh: true,
      });
    });

    it("allows a recovery-code session of an identity that cannot reach aal2 at all", () => {
      // No password, passkey or OIDC: the only first factor is the inbox, and the only second
      // factor the same inbox, so aal1 is the highest available.
      expect(decide("highest_available", session([codeRecovery], []))).toEqual({ type: "allow" });
      expect(decide("highest_available", session([codeRecovery], ["code"]))).toEqual({ type: "allow" });
    });

    it("allows a recovery-code + security key session", () => {
      expect(decide("highest_available", session([codeRecovery, webauthn], ["webauthn"], "aal2"))).toEqual({
        type: "allow",
      });
    });

    it("follows the policy passed in", () => {
      const noEmailCode: FactorPolicy = { ...DEFAULT_FACTOR_POLICY, emailCodeSecondFactor: false };
      // Without email codes as a second factor, a password-only identity tops out at aal1.
      expect(decide("highest_available", session([password], ["password"]), noEmailCode)).toEqual({
        type: "allow",
      });
      expect(decide("highest_available", session([password], ["password"]))).toEqual({
        type: "step_up",
        refresh: false,
      });
    });

    it("judges an email code after a provider by the deployment's mailbox list", () => {
      const local: AmrEntry = { method: "oidc", aal: "aal1", provider: "local" };
      const facts: SessionFacts = {
        kratosAal: "aal2",
        amr: [local, code],
        credentialTypes: ["oidc", "totp"],
        oidcProviders: ["local"],
      };
      const mailbox: FactorPolicy = { ...DEFAULT_FACTOR_POLICY, mailboxProviders: ["local"] };
      // Same inbox twice: Kratos's aal2 is not trusted, the user steps up with the app.
      expect(decide("highest_available", facts, mailbox)).toEqual({ type: "step_up", refresh: true });
      // A provider that hosts no mail is a channel of its own, so the code counts.
      expect(decide("highest_available", facts)).toEqual({ type: "allow" });
    });
  });
});
