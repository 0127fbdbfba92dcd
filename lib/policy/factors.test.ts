import { describe, expect, it } from "vitest";
import {
  ALL_CHANNELS,
  DEFAULT_FACTOR_POLICY,
  availableFirstFactorChannels,
  availableSecondFactorChannels,
  channelOfGroup,
  channelOfMethod,
  channelOfProvider,
  effectiveAal,
  guardLoginSubmission,
  highestAvailableAal,
  isCodeSubmission,
  mailboxProviderSignIn,
  needsIndependentSecondFactor,
  pairCounts,
  secondFactorAllowed,
  summarizeFactors,
  type Aal,
  type AmrEntry,
  type FactorPolicy,
} from "@/lib/policy/factors";
import type { Channel } from "@/lib/policy/methods";

// AMR entries as Kratos v1.3.1 records them (method + the aal it was completed at).
const password: AmrEntry = { method: "password", aal: "aal1" };
const codeRecovery: AmrEntry = { method: "code_recovery", aal: "aal1" };
const linkRecovery: AmrEntry = { method: "link_recovery", aal: "aal1" };
const passkey: AmrEntry = { method: "passkey", aal: "aal1" };
const oidc: AmrEntry = { method: "oidc", aal: "aal1", provider: "github" };
const code: AmrEntry = { method: "code", aal: "aal2" };
const totp: AmrEntry = { method: "totp", aal: "aal2" };
const lookupSecret: AmrEntry = { method: "lookup_secret", aal: "aal2" };
const webauthn: AmrEntry = { method: "webauthn", aal: "aal2" };

/** A policy derived from the default with some first-factor channels' allowed seconds replaced. */
function policyWith(secondFactorsAfter: Partial<Record<Channel, readonly Channel[]>>): FactorPolicy {
  return {
    ...DEFAULT_FACTOR_POLICY,
    secondFactorsAfter: { ...DEFAULT_FACTOR_POLICY.secondFactorsAfter, ...secondFactorsAfter },
  };
}

const sorted = <T>(xs: readonly T[]): T[] => [...xs].sort();

describe("DEFAULT_FACTOR_POLICY", () => {
  it("never lists a channel as its own second factor", () => {
    for (const first of ALL_CHANNELS) {
      expect(DEFAULT_FACTOR_POLICY.secondFactorsAfter[first]).not.toContain(first);
    }
  });

  it("never accepts a password or a federated login as a second factor", () => {
    for (const first of ALL_CHANNELS) {
      expect(DEFAULT_FACTOR_POLICY.secondFactorsAfter[first]).not.toContain("knowledge");
      expect(DEFAULT_FACTOR_POLICY.secondFactorsAfter[first]).not.toContain("federated");
    }
  });

  it("sends codes to the inbox and lets every identity use an email code as second factor", () => {
    expect(DEFAULT_FACTOR_POLICY.codeChannel).toBe("inbox");
    expect(DEFAULT_FACTOR_POLICY.emailCodeSecondFactor).toBe(true);
  });
});

describe("channelOfMethod", () => {
  it.each<[string, Channel]>([
    ["password", "knowledge"],
    ["code_recovery", "inbox"],
    ["link_recovery", "inbox"],
    ["code", "inbox"],
    ["totp", "authenticator_app"],
    ["webauthn", "device_key"],
    ["passkey", "device_key"],
    ["lookup_secret", "backup_codes"],
    ["oidc", "federated"],
  ])("maps %s to %s", (method, channel) => {
    expect(channelOfMethod(method)).toBe(channel);
  });

  it("returns undefined for unknown or missing methods", () => {
    expect(channelOfMethod("saml")).toBeUndefined();
    expect(channelOfMethod("PASSWORD")).toBeUndefined();
    expect(channelOfMethod("")).toBeUndefined();
    expect(channelOfMethod(undefined)).toBeUndefined();
  });

  it("puts the code method on the policy's code channel", () => {
    expect(channelOfMethod("code", { ...DEFAULT_FACTOR_POLICY, codeChannel: "phone" })).toBe("phone");
    // Recovery codes and links always come from the inbox, whatever the code channel is.
    expect(channelOfMethod("code_recovery", { ...DEFAULT_FACTOR_POLICY, codeChannel: "phone" })).toBe(
      "inbox",
    );
  });
});

describe("effectiveAal", () => {
  it.each<{ name: string; amr: AmrEntry[]; expected: Aal }>([
    { name: "password + totp", amr: [password, totp], expected: "aal2" },
    { name: "password + email code", amr: [password, code], expected: "aal2" },
    {
      name: "code_recovery + email code (Kratos #4317 same-inbox bypass)",
      amr: [codeRecovery, code],
      expected: "aal1",
    },
    { name: "code_recovery + totp", amr: [codeRecovery, totp], expected: "aal2" },
    { name: "link_recovery + email code", amr: [linkRecovery, code], expected: "aal1" },
    { name: "password + password", amr: [password, password], expected: "aal1" },
    {
      name: "password(aal1) + password(aal2)",
      amr: [password, { method: "password", aal: "aal2" }],
      expected: "aal1",
    },
    { name: "code_recovery + lookup_secret", amr: [codeRecovery, lookupSecret], expected: "aal2" },
    { name: "oidc + webauthn", amr: [oidc, webauthn], expected: "aal2" },
    { name: "passkey(aal1) + webauthn(aal2), both device keys", amr: [passkey, webauthn], expected: "aal1" },
    { name: "passkey + totp", amr: [passkey, totp], expected: "aal2" },
    { name: "passkey + email code", amr: [passkey, code], expected: "aal2" },
    { name: "password alone", amr: [password], expected: "aal1" },
    { name: "code_recovery alone", amr: [codeRecovery], expected: "aal1" },
    { name: "empty", amr: [], expected: "aal0" },
    { name: "second factors only, no first factor", amr: [totp, code], expected: "aal0" },
    {
      name: "code_recovery + code + code (repeating the inbox)",
      amr: [codeRecovery, code, code],
      expected: "aal1",
    },
    {
      name: "code_recovery + code + totp (one independent pair)",
      amr: [codeRecovery, code, totp],
      expected: "aal2",
    },
    { name: "second factor listed before the first", amr: [totp, password], expected: "aal2" },
    {
      name: "code_recovery + password(aal2) (knowledge is no second factor)",
      amr: [codeRecovery, { method: "password", aal: "aal2" }],
      expected: "aal1",
    },
    {
      name: "oidc(aal2) after recovery (federated is no second factor)",
      amr: [codeRecovery, { method: "oidc", aal: "aal2" }],
      expected: "aal1",
    },
  ])("$name → $expected", ({ amr, expected }) => {
    expect(effectiveAal(amr)).toBe(expected);
  });

  describe("unknown methods are ignored", () => {
    it("does not let an unknown aal2 method complete a pair", () => {
      expect(effectiveAal([password, { method: "sms_magic", aal: "aal2" }])).toBe("aal1");
    });

    it("does not let an unknown aal1 method count as a first factor", () => {
      expect(effectiveAal([{ method: "magic_link", aal: "aal1" }, totp])).toBe("aal0");
    });

    it("ignores entries with no method at all", () => {
      expect(effectiveAal([{ aal: "aal1" }, { aal: "aal2" }])).toBe("aal0");
      expect(effectiveAal([password, { aal: "aal2" }])).toBe("aal1");
    });

    it("still finds the known pair among unknown entries", () => {
      expect(effectiveAal([{ method: "x" }, password, { method: "y", aal: "aal2" }, totp])).toBe("aal2");
    });
  });

  describe("entries without aal use the method's default role", () => {
    it.each<{ name: string; amr: AmrEntry[]; expected: Aal }>([
      { name: "password + totp", amr: [{ method: "password" }, { method: "totp" }], expected: "aal2" },
      {
        name: "code_recovery + code",
        amr: [{ method: "code_recovery" }, { method: "code" }],
        expected: "aal1",
      },
      {
        name: "link_recovery + lookup_secret",
        amr: [{ method: "link_recovery" }, { method: "lookup_secret" }],
        expected: "aal2",
      },
      { name: "passkey + webauthn", amr: [{ method: "passkey" }, { method: "webauthn" }], expected: "aal1" },
      { name: "oidc + webauthn", amr: [{ method: "oidc" }, { method: "webauthn" }], expected: "aal2" },
      { name: "totp alone (a second factor)", amr: [{ method: "totp" }], expected: "aal0" },
      { name: "code alone (a second factor by default)", amr: [{ method: "code" }], expected: "aal0" },
      {
        name: "password with an unrecognised aal",
        amr: [{ method: "password", aal: "aal3" }, totp],
        expected: "aal2",
      },
    ])("$name → $expected", ({ amr, expected }) => {
      expect(effectiveAal(amr)).toBe(expected);
    });
  });

  it("respects an explicit aal over the method's default role", () => {
    // A passwordless email-code login (code at aal1) followed by TOTP is two channels.
    expect(effectiveAal([{ method: "code", aal: "aal1" }, totp])).toBe("aal2");
    // ...but a passwordless email code followed by another email code is one.
    expect(effectiveAal([{ method: "code", aal: "aal1" }, code])).toBe("aal1");
  });

  it("lets a narrower policy refuse a pair the default accepts", () => {
    const appOnlyAfterPassword = policyWith({ knowledge: ["authenticator_app"] });
    expect(effectiveAal([password, code], appOnlyAfterPassword)).toBe("aal1");
    expect(effectiveAal([password, webauthn], appOnlyAfterPassword)).toBe("aal1");
    expect(effectiveAal([password, totp], appOnlyAfterPassword)).toBe("aal2");
    // Other first factors keep the default.
    expect(effectiveAal([codeRecovery, webauthn], appOnlyAfterPassword)).toBe("aal2");
  });

  it("never counts inbox after inbox, even if a policy lists it", () => {
    const weakened = policyWith({ inbox: ["inbox", "phone", "authenticator_app"] });
    expect(effectiveAal([codeRecovery, code], weakened)).toBe("aal1");
    expect(effectiveAal([linkRecovery, code], weakened)).toBe("aal1");
    expect(effectiveAal([codeRecovery, totp], weakened)).toBe("aal2");
  });

  it("never counts a device key after a device key, even if a policy lists it", () => {
    const weakened = policyWith({ device_key: ["device_key"] });
    expect(effectiveAal([passkey, webauthn], weakened)).toBe("aal1");
  });

  it("counts recovery + code as two channels when codes go by SMS", () => {
    const phone: FactorPolicy = { ...DEFAULT_FACTOR_POLICY, codeChannel: "phone" };
    expect(effectiveAal([codeRecovery, code], phone)).toBe("aal2");
  });
});

describe("summarizeFactors", () => {
  it("splits first and second factor channels without duplicates", () => {
    const s = summarizeFactors([
      password,
      codeRecovery,
      totp,
      totp,
      code,
      { method: "unknown", aal: "aal2" },
    ]);
    expect(sorted(s.firstFactorChannels)).toEqual(["inbox", "knowledge"]);
    expect(sorted(s.secondFactorChannels)).toEqual(["authenticator_app", "inbox"]);
  });

  it("is empty for an empty AMR", () => {
    expect(summarizeFactors([])).toEqual({ firstFactorChannels: [], secondFactorChannels: [] });
  });
});

describe("pairCounts", () => {
  it("refuses every same-channel pair under the default policy", () => {
    for (const c of ALL_CHANNELS) expect(pairCounts(c, c)).toBe(false);
  });

  it("accepts different-channel second factors from the default list", () => {
    expect(pairCounts("knowledge", "inbox")).toBe(true);
    expect(pairCounts("inbox", "authenticator_app")).toBe(true);
    expect(pairCounts("federated", "device_key")).toBe(true);
  });

  it("refuses second factors the policy does not list", () => {
    expect(pairCounts("inbox", "knowledge")).toBe(false);
    expect(pairCounts("inbox", "federated")).toBe(false);
  });
});

describe("secondFactorAllowed", () => {
  it("refuses an inbox second factor after an inbox first factor", () => {
    expect(secondFactorAllowed([codeRecovery], "inbox")).toBe(false);
    expect(secondFactorAllowed([linkRecovery], "inbox")).toBe(false);
  });

  it("allows an independent second factor after recovery", () => {
    expect(secondFactorAllowed([codeRecovery], "authenticator_app")).toBe(true);
    expect(secondFactorAllowed([codeRecovery], "device_key")).toBe(true);
    expect(secondFactorAllowed([codeRecovery], "backup_codes")).toBe(true);
  });

  it("allows the inbox after a password", () => {
    expect(secondFactorAllowed([password], "inbox")).toBe(true);
  });

  it("refuses a device key after a passkey", () => {
    expect(secondFactorAllowed([passkey], "device_key")).toBe(false);
    expect(secondFactorAllowed([passkey], "inbox")).toBe(true);
  });

  it("never accepts a password or federated login as a second factor", () => {
    expect(secondFactorAllowed([codeRecovery], "knowledge")).toBe(false);
    expect(secondFactorAllowed([password], "federated")).toBe(false);
  });

  it("refuses everything without a first factor", () => {
    expect(secondFactorAllowed([], "authenticator_app")).toBe(false);
    expect(secondFactorAllowed([totp], "inbox")).toBe(false);
  });

  it("follows a narrowed policy", () => {
    const appOnlyAfterPassword = policyWith({ knowledge: ["authenticator_app"] });
    expect(secondFactorAllowed([password], "inbox", appOnlyAfterPassword)).toBe(false);
    expect(secondFactorAllowed([password], "authenticator_app", appOnlyAfterPassword)).toBe(true);
  });
});

describe("channelOfGroup", () => {
  it.each<[string, Channel]>([
    ["code", "inbox"],
    ["totp", "authenticator_app"],
    ["webauthn", "device_key"],
    ["passkey", "device_key"],
    ["lookup_secret", "backup_codes"],
  ])("maps group %s to %s", (group, channel) => {
    expect(channelOfGroup(group)).toBe(channel);
  });

  it("returns undefined for groups that are not second factors", () => {
    for (const group of ["password", "oidc", "default", "profile", "identifier_first", ""]) {
      expect(channelOfGroup(group)).toBeUndefined();
    }
  });

  it("puts the code group on the policy's code channel", () => {
    expect(channelOfGroup("code", { ...DEFAULT_FACTOR_POLICY, codeChannel: "phone" })).toBe("phone");
  });
});

describe("isCodeSubmission", () => {
  describe("with URLSearchParams", () => {
    it.each([
      "method=code",
      "method=code&csrf_token=t&code=123456",
      "method=code&identifier=a%40example.test",
      "csrf_token=t&code=123456",
      "csrf_token=t&address=a%40example.test",
      // Kratos v1.3.1 runs the code strategy when only `address` is set, whatever `method` says.
      "method=totp&address=a%40example.test",
      "method=code&resend=code",
      "resend=code",
      "code=",
    ])("treats %s as a code submission", (body) => {
      expect(isCodeSubmission(new URLSearchParams(body))).toBe(true);
    });

    it.each([
      "method=totp&totp_code=123456&csrf_token=t",
      "method=lookup_secret&lookup_secret=abcd-efgh&csrf_token=t",
      "method=webauthn&webauthn_login=%7B%7D&csrf_token=t",
      "method=passkey&passkey_login=%7B%7D&csrf_token=t",
      "method=password&identifier=a%40example.test&password=hunter2hunter2",
      "method=Code",
      "",
    ])("does not treat %s as a code submission", (body) => {
      expect(isCodeSubmission(new URLSearchParams(body))).toBe(false);
    });

    it("reads the first method value, as Kratos (Go url.Values.Get) does", () => {
      expect(isCodeSubmission(new URLSearchParams("method=code&method=totp"))).toBe(true);
    });
  });

  describe("with a plain object (JSON body)", () => {
    it.each<Record<string, unknown>>([
      { method: "code" },
      { method: "code", code: "123456", csrf_token: "t" },
      { code: "123456" },
      { address: "a@example.test" },
      { method: "totp", address: "a@example.test" },
      { resend: "code" },
    ])("treats %o as a code submission", (body) => {
      expect(isCodeSubmission(body)).toBe(true);
    });

    it.each<Record<string, unknown>>([
      { method: "totp", totp_code: "123456" },
      { method: "lookup_secret", lookup_secret: "abcd-efgh" },
      { method: "webauthn", webauthn_login: "{}" },
      { method: "password", identifier: "a@example.test", password: "x" },
      { method: ["code"] },
      {},
    ])("does not treat %o as a code submission", (body) => {
      expect(isCodeSubmission(body)).toBe(false);
    });
  });
});

describe("guardLoginSubmission", () => {
  const codeForm = new URLSearchParams("method=code&code=123456&csrf_token=t");
  const totpForm = new URLSearchParams("method=totp&totp_code=123456&csrf_token=t");
  const refused = { allowed: false, reason: "same_channel_second_factor" };

  it("allows anything without a session (a first-factor login that Kratos judges)", () => {
    expect(guardLoginSubmission(codeForm, null)).toEqual({ allowed: true });
    expect(guardLoginSubmission(codeForm, [])).toEqual({ allowed: true });
  });

  it("refuses an email code after a recovery code from the same inbox", () => {
    expect(guardLoginSubmission(codeForm, [codeRecovery])).toEqual(refused);
    expect(guardLoginSubmission({ method: "code", code: "123456" }, [codeRecovery])).toEqual(refused);
  });

  it("refuses asking for or resending a code after recovery, not only entering one", () => {
    expect(guardLoginSubmission(new URLSearchParams("method=code"), [codeRecovery])).toEqual(refused);
    expect(guardLoginSubmission(new URLSearchParams("address=a%40example.test"), [codeRecovery])).toEqual(
      refused,
    );
    expect(guardLoginSubmission(new URLSearchParams("method=code&resend=code"), [codeRecovery])).toEqual(
      refused,
    );
  });

  it("refuses an email code after a recovery link", () => {
    expect(guardLoginSubmission(codeForm, [linkRecovery])).toEqual(refused);
  });

  it("allows an email code after a password", () => {
    expect(guardLoginSubmission(codeForm, [password])).toEqual({ allowed: true });
  });

  it("allows an email code after a passkey or an OIDC login", () => {
    expect(guardLoginSubmission(codeForm, [passkey])).toEqual({ allowed: true });
    expect(guardLoginSubmission(codeForm, [oidc])).toEqual({ allowed: true });
  });

  it("allows independent second factors after recovery", () => {
    expect(guardLoginSubmission(totpForm, [codeRecovery])).toEqual({ allowed: true });
    expect(guardLoginSubmission({ method: "lookup_secret", lookup_secret: "x" }, [codeRecovery])).toEqual({
      allowed: true,
    });
  });

  it("still refuses an email code when the only first factor is the inbox, even after TOTP", () => {
    // The session's one first factor came from the inbox; a code from that inbox adds nothing.
    expect(guardLoginSubmission(codeForm, [codeRecovery, totp])).toEqual(refused);
  });

  it("allows an email code when some first factor is independent of the inbox", () => {
    expect(guardLoginSubmission(codeForm, [codeRecovery, password])).toEqual({ allowed: true });
  });

  it("follows a narrowed policy", () => {
    const appOnlyAfterPassword = policyWith({ knowledge: ["authenticator_app"] });
    expect(guardLoginSubmission(codeForm, [password], appOnlyAfterPassword)).toEqual(refused);
    expect(guardLoginSubmission(totpForm, [password], appOnlyAfterPassword)).toEqual({ allowed: true });
  });

  it("judges codes by the policy's code channel", () => {
    const phone: FactorPolicy = { ...DEFAULT_FACTOR_POLICY, codeChannel: "phone" };
    expect(guardLoginSubmission(codeForm, [codeRecovery], phone)).toEqual({ allowed: true });
  });
});

describe("needsIndependentSecondFactor", () => {
  it.each<[string[], boolean]>([
    [[], true],
    [["password"], true],
    [["password", "code"], true],
    [["passkey"], true],
    [["oidc"], true],
    [["password", "totp"], false],
    [["password", "webauthn"], false],
    [["password", "lookup_secret"], false],
    [["passkey", "lookup_secret"], false],
  ])("credentials %j → %s", (types, expected) => {
    expect(needsIndependentSecondFactor(types)).toBe(expected);
  });
});

describe("availableSecondFactorChannels", () => {
  it("always includes the email code when the policy enables it", () => {
    expect(availableSecondFactorChannels([])).toEqual(["inbox"]);
    expect(availableSecondFactorChannels(["password"])).toEqual(["inbox"]);
  });

  it("adds each enrolled second factor once", () => {
    expect(
      sorted(availableSecondFactorChannels(["password", "totp", "webauthn", "lookup_secret", "totp"])),
    ).toEqual(["authenticator_app", "backup_codes", "device_key", "inbox"]);
  });

  it("does not count first-factor credentials as second factors", () => {
    expect(availableSecondFactorChannels(["password", "passkey", "oidc"])).toEqual(["inbox"]);
  });

  it("leaves the email code out when the policy disables it", () => {
    const noEmail: FactorPolicy = { ...DEFAULT_FACTOR_POLICY, emailCodeSecondFactor: false };
    expect(availableSecondFactorChannels(["password"], noEmail)).toEqual([]);
    expect(availableSecondFactorChannels(["totp"], noEmail)).toEqual(["authenticator_app"]);
  });
});

describe("availableFirstFactorChannels", () => {
  it("always includes the inbox (recovery)", () => {
    expect(availableFirstFactorChannels([])).toEqual(["inbox"]);
  });

  it("adds password, passkey and OIDC", () => {
    expect(sorted(availableFirstFactorChannels(["password", "passkey", "oidc", "totp"]))).toEqual([
      "device_key",
      "federated",
      "inbox",
      "knowledge",
    ]);
  });
});

describe("highestAvailableAal", () => {
  it.each<[string[], Aal]>([
    // Only the inbox: recovery + email code is one channel.
    [[], "aal1"],
    [["code"], "aal1"],
    // Password + email code.
    [["password"], "aal2"],
    // Passkey + email code.
    [["passkey"], "aal2"],
    // Recovery + TOTP.
    [["totp"], "aal2"],
    [["password", "totp"], "aal2"],
  ])("credentials %j → %s", (types, expected) => {
    expect(highestAvailableAal(types)).toBe(expected);
  });

  it("depends on the email code when that is the only second factor", () => {
    const noEmail: FactorPolicy = { ...DEFAULT_FACTOR_POLICY, emailCodeSecondFactor: false };
    expect(highestAvailableAal(["password"], noEmail)).toBe("aal1");
    expect(highestAvailableAal(["password", "totp"], noEmail)).toBe("aal2");
  });

  it("does not pair a passkey with a security key when a policy forbids the other channels", () => {
    const deviceOnly: FactorPolicy = {
      ...policyWith({ inbox: [], device_key: ["device_key"] }),
      emailCodeSecondFactor: false,
    };
    expect(highestAvailableAal(["passkey", "webauthn"], deviceOnly)).toBe("aal1");
  });
});

describe("federated sign-in (OIDC)", () => {
  // The stacks list `local` as a provider that hosts its users' mailboxes; `local-sso` is not one.
  const policy: FactorPolicy = { ...DEFAULT_FACTOR_POLICY, mailboxProviders: ["google", "local"] };
  const viaMailbox: AmrEntry = { method: "oidc", aal: "aal1", provider: "google" };
  const viaSso: AmrEntry = { method: "oidc", aal: "aal1", provider: "github" };

  it.each([
    ["google", "inbox"],
    ["local", "inbox"],
    ["github", "federated"],
    ["local-sso", "federated"],
    [undefined, "federated"],
  ] as const)("a sign-in with %s stands for %s", (provider, channel) => {
    expect(channelOfProvider(provider, policy)).toBe(channel);
    expect(channelOfMethod("oidc", policy, provider)).toBe(channel);
  });

  it("lists no mailbox provider by default: every provider is federated", () => {
    expect(DEFAULT_FACTOR_POLICY.mailboxProviders).toEqual([]);
    expect(channelOfProvider("google", DEFAULT_FACTOR_POLICY)).toBe("federated");
  });

  it.each([
    { name: "mailbox provider + email code", amr: [viaMailbox, code], expected: "aal1" },
    { name: "mailbox provider + TOTP", amr: [viaMailbox, totp], expected: "aal2" },
    { name: "mailbox provider + security key", amr: [viaMailbox, webauthn], expected: "aal2" },
    { name: "mailbox provider + backup code", amr: [viaMailbox, lookupSecret], expected: "aal2" },
    { name: "other provider + email code", amr: [viaSso, code], expected: "aal2" },
    { name: "other provider + TOTP", amr: [viaSso, totp], expected: "aal2" },
    {
      name: "password + a provider recorded as aal2 (never a second factor)",
      amr: [password, { ...viaSso, aal: "aal2" }],
      expected: "aal1",
    },
    {
      name: "recovery + mailbox provider (both first factors)",
      amr: [codeRecovery, viaMailbox],
      expected: "aal1",
    },
  ] as const)("$name → $expected", ({ amr, expected }) => {
    expect(effectiveAal(amr, policy)).toBe(expected);
  });

  it("hides and refuses the email code after a mailbox provider, not after another one", () => {
    expect(secondFactorAllowed([viaMailbox], "inbox", policy)).toBe(false);
    expect(secondFactorAllowed([viaSso], "inbox", policy)).toBe(true);
    const codeForm = new URLSearchParams({ method: "code", code: "123456" });
    expect(guardLoginSubmission(codeForm, [viaMailbox], policy)).toEqual({
      allowed: false,
      reason: "same_channel_second_factor",
    });
    expect(guardLoginSubmission(codeForm, [viaSso], policy)).toEqual({ allowed: true });
  });

  it("names the mailbox provider a session signed in with", () => {
    expect(mailboxProviderSignIn([viaMailbox], policy)).toBe("google");
    expect(mailboxProviderSignIn([viaSso], policy)).toBeUndefined();
    expect(mailboxProviderSignIn([codeRecovery], policy)).toBeUndefined();
  });

  it("reads an identity's linked providers by their channels", () => {
    expect(sorted(availableFirstFactorChannels(["oidc"], policy, ["google"]))).toEqual(["inbox"]);
    expect(sorted(availableFirstFactorChannels(["oidc"], policy, ["github"]))).toEqual([
      "federated",
      "inbox",
    ]);
    expect(sorted(availableFirstFactorChannels(["oidc"], policy, ["google", "github"]))).toEqual([
      "federated",
      "inbox",
    ]);
    // Providers unknown: `federated`, which can only raise what the app asks of the identity.
    expect(sorted(availableFirstFactorChannels(["oidc"], policy))).toEqual(["federated", "inbox"]);
  });

  it("an identity that signs in only through a mailbox provider reaches aal2 only with an independent factor", () => {
    expect(highestAvailableAal(["oidc"], policy, ["google"])).toBe("aal1");
    expect(highestAvailableAal(["oidc", "totp"], policy, ["google"])).toBe("aal2");
    expect(highestAvailableAal(["oidc"], policy, ["github"])).toBe("aal2");
    expect(highestAvailableAal(["password", "oidc"], policy, ["google"])).toBe("aal2");
  });
});
