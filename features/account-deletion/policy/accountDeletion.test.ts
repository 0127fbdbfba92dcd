import { describe, expect, it } from "vitest";
import {
  decideDeletion,
  isPrivileged,
  sameEmail,
  type DeletionRequest,
} from "@/features/account-deletion/policy/accountDeletion";

const NOW = new Date("2026-11-29T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const PASSWORD = { method: "password", aal: "aal1" };
const EMAIL_CODE = { method: "code", aal: "aal2" };
const TOTP = { method: "totp", aal: "aal2" };
const RECOVERY_CODE = { method: "code_recovery", aal: "aal1" };

function request(over: Partial<DeletionRequest> = {}): DeletionRequest {
  return {
    amr: [PASSWORD, EMAIL_CODE],
    credentialTypes: ["password", "code"],
    authenticatedAt: minutesAgo(1),
    accountEmail: "Ada@Example.test",
    typedEmail: "Ada@Example.test",
    now: NOW,
    privilegedMaxAgeSeconds: 15 * 60,
    ...over,
  };
}

describe("sameEmail", () => {
  it.each([
    ["ada@example.test", "ada@example.test", true],
    ["  ADA@example.TEST ", "ada@example.test", true],
    ["ada@example.test", "bob@example.test", false],
    ["", "ada@example.test", false],
    ["   ", "ada@example.test", false],
    ["ada@example.test", undefined, false],
    [undefined, "ada@example.test", false],
    [null, "ada@example.test", false],
    [["ada@example.test"], "ada@example.test", false],
  ])("%j vs %j → %s", (typed, account, expected) => {
    expect(sameEmail(typed, account)).toBe(expected);
  });
});

describe("isPrivileged", () => {
  it("is true within the window, up to its very end", () => {
    expect(isPrivileged(minutesAgo(0), NOW, 900)).toBe(true);
    expect(isPrivileged(minutesAgo(14), NOW, 900)).toBe(true);
    expect(isPrivileged(minutesAgo(15), NOW, 900)).toBe(true);
  });

  it("is false after the window, or without a usable time", () => {
    expect(isPrivileged(minutesAgo(15.01), NOW, 900)).toBe(false);
    expect(isPrivileged(minutesAgo(60 * 24), NOW, 900)).toBe(false);
    expect(isPrivileged(undefined, NOW, 900)).toBe(false);
    expect(isPrivileged("yesterday", NOW, 900)).toBe(false);
  });

  it("accepts a Date as well as Kratos's ISO string", () => {
    expect(isPrivileged(new Date(minutesAgo(1)), NOW, 900)).toBe(true);
  });
});

describe("decideDeletion", () => {
  it("deletes with a fresh session at the highest AAL and the right email", () => {
    expect(decideDeletion(request())).toEqual({ type: "delete" });
    expect(decideDeletion(request({ typedEmail: " ada@example.TEST" }))).toEqual({ type: "delete" });
  });

  it("asks for the email again when it does not match, before anything else", () => {
    expect(decideDeletion(request({ typedEmail: "eve@example.test" }))).toEqual({ type: "email_mismatch" });
    expect(decideDeletion(request({ typedEmail: undefined }))).toEqual({ type: "email_mismatch" });
    // Even from a stale aal1 session: a typo needs no sign-in, only a second look.
    expect(
      decideDeletion(request({ typedEmail: "", amr: [PASSWORD], authenticatedAt: minutesAgo(60) })),
    ).toEqual({ type: "email_mismatch" });
  });

  it("asks for a new sign-in at aal2 when the session is fresh but only aal1 and aal2 is reachable", () => {
    expect(decideDeletion(request({ amr: [PASSWORD] }))).toEqual({ type: "reauthenticate", aal: "aal2" });
  });

  it("asks for a new sign-in at aal2 when an aal2 session is older than the privileged window", () => {
    expect(
      decideDeletion(
        request({
          amr: [PASSWORD, TOTP],
          credentialTypes: ["password", "totp"],
          authenticatedAt: minutesAgo(16),
        }),
      ),
    ).toEqual({ type: "reauthenticate", aal: "aal2" });
  });

  it("does not count Kratos's same-inbox aal2 (recovery code + email code) as the highest AAL", () => {
    expect(decideDeletion(request({ amr: [RECOVERY_CODE, EMAIL_CODE] }))).toEqual({
      type: "reauthenticate",
      aal: "aal2",
    });
  });

  it("asks for aal1 only when the identity cannot reach aal2 under the policy", () => {
    const noSecondFactor = { credentialTypes: ["password"], amr: [PASSWORD] };
    const policy = {
      secondFactorsAfter: {
        knowledge: [],
        inbox: [],
        phone: [],
        authenticator_app: [],
        device_key: [],
        backup_codes: [],
        federated: [],
      },
      codeChannel: "inbox" as const,
      emailCodeSecondFactor: false,
      mailboxProviders: [],
    };
    expect(decideDeletion(request(noSecondFactor), policy)).toEqual({ type: "delete" });
    expect(decideDeletion(request({ ...noSecondFactor, authenticatedAt: minutesAgo(20) }), policy)).toEqual({
      type: "reauthenticate",
      aal: "aal1",
    });
  });

  it("refuses without an authentication time", () => {
    expect(decideDeletion(request({ authenticatedAt: undefined }))).toEqual({
      type: "reauthenticate",
      aal: "aal2",
    });
  });
});
