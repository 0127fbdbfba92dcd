import { describe, expect, it } from "vitest";
import {
  availableFirstFactorChannels,
  availableSecondFactorChannels,
  channelOfGroup,
  channelOfMethod,
  effectiveAal,
  highestAvailableAal,
  needsIndependentSecondFactor,
  secondFactorAllowed,
  type Aal,
  type AmrEntry,
} from "@/lib/policy/factors";
import { filterStepUpNodes, isRemoveButton, sectionTitleKey, splitIntoForms } from "@/lib/kratos/nodes";
import { settingsStatus, statusLineKey } from "@/lib/kratos/settingsStatus";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { METHODS, methodByGroup, methodByKey, type Channel, type KratosMethod } from "@/lib/policy/methods";
import type { UiNode } from "@ory/client-fetch";

// The registry drives the policy: each row's declared facts are what the policy, the node
// helpers and the settings status answer for that method. What a method proves and which pairs
// count are written out here, not read from the registry, so a wrong row fails these tests.

const rows = METHODS.map((m) => [m.key, m] as const);
const canBeFirst = (m: KratosMethod) => m.role !== "second";
const canBeSecond = (m: KratosMethod) => m.role !== "first";

/** The channel each Kratos method proves under the default policy (an OIDC provider: federated). */
const CHANNEL: Record<string, Channel> = {
  password: "knowledge",
  oidc: "federated",
  code: "inbox",
  totp: "authenticator_app",
  webauthn: "device_key",
  passkey: "device_key",
  lookup_secret: "backup_codes",
  code_recovery: "inbox",
  link_recovery: "inbox",
};

/** The channel step-up filtering judges a UI group by: none for groups that are never a second factor. */
const GROUP_CHANNEL: Record<string, Channel | undefined> = {
  password: undefined,
  oidc: undefined,
  code: "inbox",
  totp: "authenticator_app",
  webauthn: "device_key",
  passkey: "device_key",
  lookup_secret: "backup_codes",
};

/**
 * Every first factor (aal1 entry) with every second factor (aal2 entry) Kratos can record, and
 * what the app trusts under the default policy: aal2 only from two different channels.
 */
const PAIRS: readonly (readonly [first: string, second: string, trusted: Aal])[] = [
  ["password", "code", "aal2"],
  ["password", "totp", "aal2"],
  ["password", "webauthn", "aal2"],
  ["password", "lookup_secret", "aal2"],
  ["oidc", "code", "aal2"],
  ["oidc", "totp", "aal2"],
  ["oidc", "webauthn", "aal2"],
  ["oidc", "lookup_secret", "aal2"],
  ["code", "code", "aal1"],
  ["code", "totp", "aal2"],
  ["code", "webauthn", "aal2"],
  ["code", "lookup_secret", "aal2"],
  ["webauthn", "code", "aal2"],
  ["webauthn", "totp", "aal2"],
  ["webauthn", "webauthn", "aal1"],
  ["webauthn", "lookup_secret", "aal2"],
  ["passkey", "code", "aal2"],
  ["passkey", "totp", "aal2"],
  ["passkey", "webauthn", "aal1"],
  ["passkey", "lookup_secret", "aal2"],
  ["code_recovery", "code", "aal1"],
  ["code_recovery", "totp", "aal2"],
  ["code_recovery", "webauthn", "aal2"],
  ["code_recovery", "lookup_secret", "aal2"],
  ["link_recovery", "code", "aal1"],
  ["link_recovery", "totp", "aal2"],
  ["link_recovery", "webauthn", "aal2"],
  ["link_recovery", "lookup_secret", "aal2"],
];

function submit(group: string, name: string, labelId?: number): UiNode {
  return {
    type: "input",
    group,
    attributes: { name, type: "submit", value: "x", disabled: false, node_type: "input" },
    messages: [],
    meta: labelId ? { label: { id: labelId, text: "Kratos text", type: "info" } } : {},
  } as unknown as UiNode;
}

/** A catalog entry by its dotted key. */
function catalogText(catalog: object, key: string): unknown {
  return key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalog);
}

describe("the registry", () => {
  it("lists the Kratos methods the policy must know", () => {
    expect(METHODS.map((m) => m.key).sort()).toEqual(
      [
        "code",
        "code_recovery",
        "link_recovery",
        "lookup_secret",
        "oidc",
        "passkey",
        "password",
        "totp",
        "webauthn",
      ].sort(),
    );
  });

  it("has one row per key, UI group and credential type", () => {
    for (const field of ["key", "group", "credentialType"] as const) {
      const values = METHODS.map((m) => m[field]).filter((v) => v !== undefined);
      expect(new Set(values).size, field).toBe(values.length);
    }
  });

  it("gives every independent second factor a credential that can serve as a second factor", () => {
    for (const m of METHODS.filter((m) => m.independentSecondFactor)) {
      expect(m.credentialType, m.key).toBeDefined();
      expect(canBeSecond(m), m.key).toBe(true);
      expect(m.channel, m.key).not.toBe("inbox");
    }
  });

  it("finds rows by key and by group, and nothing for other names", () => {
    expect(methodByKey("totp")?.channel).toBe("authenticator_app");
    expect(methodByGroup("lookup_secret")?.key).toBe("lookup_secret");
    expect(methodByKey("saml")).toBeUndefined();
    expect(methodByKey(undefined)).toBeUndefined();
    expect(methodByGroup("profile")).toBeUndefined();
    expect(methodByGroup("code_recovery")).toBeUndefined();
  });
});

describe.each(rows)("the policy reads the row of %s", (key, m) => {
  it("maps the AMR method to its channel", () => {
    expect(channelOfMethod(key)).toBe(CHANNEL[key]);
  });

  it("reads an AMR entry without aal by the row's role", () => {
    const bare: AmrEntry = { method: key };
    // Alone, a first factor is aal1; a second factor without a first is nothing.
    expect(effectiveAal([bare])).toBe(m.role === "first" ? "aal1" : "aal0");
  });

  it("lets the row's group be filtered at step-up exactly when its channel can be a second factor", () => {
    if (!m.group) return expect(methodByGroup(key)).toBeUndefined();
    expect(Object.keys(GROUP_CHANNEL)).toContain(m.group);
    expect(channelOfGroup(m.group)).toBe(GROUP_CHANNEL[m.group]);
  });

  it("counts the credential as an independent second factor only if the row says so", () => {
    if (!m.credentialType) return;
    expect(needsIndependentSecondFactor([m.credentialType])).toBe(!m.independentSecondFactor);
    const expected = new Set([
      ...availableSecondFactorChannels([]),
      ...(m.independentSecondFactor ? [m.channel] : []),
    ]);
    expect(new Set(availableSecondFactorChannels([m.credentialType]))).toEqual(expected);
  });

  it("offers the credential as a first factor only if the row's role is first", () => {
    if (!m.credentialType) return;
    const expected = new Set([
      ...availableFirstFactorChannels([]),
      ...(m.role === "first" ? [m.channel] : []),
    ]);
    expect(new Set(availableFirstFactorChannels([m.credentialType]))).toEqual(expected);
  });

  it("styles the row's remove buttons as destructive", () => {
    for (const name of m.removeButtons) expect(isRemoveButton(name)).toBe(true);
  });

  it("titles the row's form section from the catalogs' methods.<key>", () => {
    if (!m.group) return;
    const titleKey = sectionTitleKey(m.group);
    expect(titleKey).toBe(`methods.${key}.title`);
    // Social sign-in buttons name their provider; the others get a heading in every language.
    if (key === "oidc") return;
    for (const catalog of Object.values(CATALOGS)) expect(catalogText(catalog, titleKey!)).toBeTruthy();
  });

  it("reads the row's setup state from a settings flow", () => {
    if (!m.setup || !m.group) return expect(settingsStatus([])[key]).toBeUndefined();
    const group = m.group;
    const nodes = (names: readonly string[]) => names.map((n) => submit(group, n));
    expect(settingsStatus([])[key]).toEqual({ state: "none", count: 0 });
    expect(settingsStatus(nodes(m.setup.activeWhen))[key]?.state).toBe("active");
    if (m.setup.unconfirmedWhen) {
      expect(settingsStatus(nodes(m.setup.unconfirmedWhen))[key]?.state).toBe("unconfirmed");
    }
    expect(settingsStatus(nodes([...m.removeButtons, ...m.removeButtons]))[key]?.count).toBe(
      2 * m.removeButtons.length,
    );
    const line = statusLineKey(group, settingsStatus([]));
    for (const catalog of Object.values(CATALOGS)) expect(catalogText(catalog, line!.key)).toBeTruthy();
  });
});

describe("every pair of methods through the policy", () => {
  it("has an expected answer for every pair the registry allows, and no other", () => {
    const firsts = METHODS.filter(canBeFirst);
    const seconds = METHODS.filter(canBeSecond);
    const registryPairs = firsts.flatMap((f) => seconds.map((s) => `${f.key} + ${s.key}`));
    expect(PAIRS.map(([f, s]) => `${f} + ${s}`).sort()).toEqual(registryPairs.sort());
  });

  it.each(PAIRS)("%s (aal1) + %s (aal2) is trusted as %s", (first, second, trusted) => {
    const amr: AmrEntry[] = [
      { method: first, aal: "aal1" },
      { method: second, aal: "aal2" },
    ];
    expect(effectiveAal(amr)).toBe(trusted);
    expect(secondFactorAllowed([amr[0]!], CHANNEL[second]!)).toBe(trusted === "aal2");
  });

  it("makes the same-inbox pair of Kratos #4317 aal1, and recovery + any independent factor aal2", () => {
    expect(
      effectiveAal([
        { method: "code_recovery", aal: "aal1" },
        { method: "code", aal: "aal2" },
      ]),
    ).toBe("aal1");
    for (const m of METHODS.filter((m) => m.independentSecondFactor)) {
      expect(
        effectiveAal([
          { method: "code_recovery", aal: "aal1" },
          { method: m.key, aal: "aal2" },
        ]),
      ).toBe("aal2");
      expect(highestAvailableAal([m.credentialType!])).toBe("aal2");
    }
  });
});

describe("a method added as one row", () => {
  it("orders its form by the registry and keeps Kratos's order inside it", () => {
    const groups = METHODS.flatMap((m) => (m.group ? [m.group] : []));
    const nodes = [...groups].reverse().map((g) => submit(g, "method"));
    expect(splitIntoForms(nodes).map((f) => f.group)).toEqual(groups);
  });

  it("is hidden at step-up after a first factor on its own channel", () => {
    for (const m of METHODS.filter((m) => m.group && canBeSecond(m))) {
      const first = METHODS.find((f) => f.role === "first" && f.channel === m.channel);
      if (!first) continue;
      const r = filterStepUpNodes([submit(m.group!, "method")], [{ method: first.key, aal: "aal1" }]);
      expect(r.removedGroups, `${first.key} then ${m.key}`).toEqual([m.group]);
    }
  });
});
