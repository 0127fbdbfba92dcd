import { describe, expect, it } from "vitest";
import { claimsFor, consentSkipReason, isFirstParty, isKnownScope } from "./consent";

describe("consentSkipReason", () => {
  it("skips what Hydra remembers and first-party clients; asks otherwise", () => {
    expect(consentSkipReason({ skip: true, client: {} })).toBe("remembered");
    expect(consentSkipReason({ skip: false, client: { metadata: { first_party: true } } })).toBe(
      "first_party",
    );
    expect(consentSkipReason({ skip: false, client: { skip_consent: true } })).toBe("first_party");
    expect(consentSkipReason({ skip: false, client: { metadata: { first_party: "yes" } } })).toBeNull();
    expect(consentSkipReason({ skip: false, client: {} })).toBeNull();
  });
  it("reads first_party only as a true boolean", () => {
    expect(isFirstParty({ metadata: null })).toBe(false);
    expect(isFirstParty({ metadata: { first_party: 1 } })).toBe(false);
  });
});

describe("claimsFor", () => {
  const identity = {
    traits: { email: "Ann@Example.test", name: "Ann Example" },
    verifiableAddresses: [{ value: "ann@example.test", verified: true, via: "email" }],
  };
  it("maps email and profile to email, email_verified and name", () => {
    expect(claimsFor(["openid", "email", "profile"], identity)).toEqual({
      email: "Ann@Example.test",
      email_verified: true,
      name: "Ann Example",
    });
  });
  it("gives nothing for openid alone", () => {
    expect(claimsFor(["openid"], identity)).toEqual({});
  });
  it("says email_verified false for an unverified address, and omits an empty name", () => {
    expect(
      claimsFor(["email", "profile"], {
        traits: { email: "b@example.test", name: " " },
        verifiableAddresses: [{ value: "b@example.test", verified: false }],
      }),
    ).toEqual({ email: "b@example.test", email_verified: false });
  });
  it("ignores traits that are not strings", () => {
    expect(
      claimsFor(["email", "profile"], { traits: { email: 1, name: {} }, verifiableAddresses: [] }),
    ).toEqual({});
  });
});

describe("isKnownScope", () => {
  it("knows the standard scopes only", () => {
    expect(isKnownScope("email")).toBe(true);
    expect(isKnownScope("admin")).toBe(false);
  });
});
