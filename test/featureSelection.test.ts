import { describe, expect, it } from "vitest";
import { FEATURE_NAMES, selectFeatures } from "@/features/selection.mjs";

describe("selectFeatures (FEATURES)", () => {
  it.each([
    [undefined, [...FEATURE_NAMES]],
    ["", [...FEATURE_NAMES]],
    ["all", [...FEATURE_NAMES]],
    ["none", []],
    ["-oidc", ["elements", "enrollment-gate", "account-deletion", "hydra", "notifications"]],
    ["all,-oidc,-elements", ["enrollment-gate", "account-deletion", "hydra", "notifications"]],
    ["hydra", ["hydra"]],
    ["Elements, OIDC", ["oidc", "elements"]],
  ])("%j selects %j", (value, features) => {
    expect(selectFeatures(value)).toEqual({ ok: true, features });
  });

  it.each([
    ["oidc,-elements", /mixes/],
    ["hydra2", /unknown feature\(s\) hydra2/],
    ["-nope", /unknown/],
  ])("%j is refused", (value, error) => {
    const r = selectFeatures(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});
