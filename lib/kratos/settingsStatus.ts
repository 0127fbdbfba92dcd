// What a settings flow says is set up, read from its nodes by each method's setup rule in the
// method registry (Kratos shows "unlink" and "remove" buttons only for what exists). Pure.
import type { UiNode } from "@ory/client-fetch";
import { inputName } from "@/lib/kratos/nodes";
import { METHODS, methodByGroup, type SetupState } from "@/lib/policy/methods";

export interface SetupStatus {
  state: SetupState;
  /** How many are registered: Kratos shows one remove button for each. */
  count: number;
}

/** The setup status of every method that has a setup rule, by method key. */
export type SettingsStatus = Record<string, SetupStatus>;

export function settingsStatus(nodes: readonly UiNode[]): SettingsStatus {
  const names = nodes.map(inputName).filter((n) => n !== undefined);
  const shows = (list: readonly string[] = []) => names.some((n) => list.includes(n));
  const status: SettingsStatus = {};
  for (const m of METHODS) {
    if (!m.setup) continue;
    status[m.key] = {
      state: shows(m.setup.unconfirmedWhen) ? "unconfirmed" : shows(m.setup.activeWhen) ? "active" : "none",
      count: names.filter((n) => m.removeButtons.includes(n)).length,
    };
  }
  return status;
}

/** The catalog key (and count) of a method's line on the settings page: `methods.<key>.status.<state>`. */
/** The catalog key of a settings section's one-line introduction (`methods.<key>.intro`). */
export function introKey(group: string): string | undefined {
  const method = methodByGroup(group);
  return method && `methods.${method.key}.intro`;
}

export function statusLineKey(
  group: string,
  status: SettingsStatus,
): { key: string; count: number } | undefined {
  const method = methodByGroup(group);
  const s = method && status[method.key];
  return s && { key: `methods.${method.key}.status.${s.state}`, count: s.count };
}
