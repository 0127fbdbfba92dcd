// The settings page's sections: which URL each has, which Kratos settings groups it shows, which
// feature it needs, and where a settings form comes back to after Kratos answered. Pure.
import type { UiNode } from "@ory/client-fetch";
import type { FeatureName } from "@/features/selection.mjs";

export type SettingsSectionId =
  "profile" | "password" | "two-factor" | "passkeys" | "linked-accounts" | "sessions" | "delete";

export interface SettingsSection {
  id: SettingsSectionId;
  /** Its page: `/settings` for the profile, `/settings/<id>` for the others. */
  path: string;
  /** The Kratos settings groups its forms show; none for the app's own sections. */
  groups: readonly string[];
  /** The optional feature it belongs to: off, the section is neither served nor listed. */
  feature?: FeatureName;
}

export const SETTINGS_PATH = "/settings";

/** In the navigation's order. */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: "profile", path: SETTINGS_PATH, groups: ["profile"] },
  { id: "password", path: `${SETTINGS_PATH}/password`, groups: ["password"] },
  { id: "two-factor", path: `${SETTINGS_PATH}/two-factor`, groups: ["totp", "webauthn", "lookup_secret"] },
  { id: "passkeys", path: `${SETTINGS_PATH}/passkeys`, groups: ["passkey"] },
  { id: "linked-accounts", path: `${SETTINGS_PATH}/linked-accounts`, groups: ["oidc"], feature: "oidc" },
  { id: "sessions", path: `${SETTINGS_PATH}/sessions`, groups: [] },
  { id: "delete", path: `${SETTINGS_PATH}/delete`, groups: [], feature: "account-deletion" },
];

/** The sections served with these features on, in the navigation's order. */
export function enabledSections(features: readonly string[]): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((s) => !s.feature || features.includes(s.feature));
}

export function sectionById(id: SettingsSectionId): SettingsSection {
  const section = SETTINGS_SECTIONS.find((s) => s.id === id);
  if (!section) throw new Error(`unknown settings section ${id}`);
  return section;
}

/** The section that shows a Kratos settings group, or undefined for a group no section shows. */
export function sectionOfGroup(group: string): SettingsSection | undefined {
  return SETTINGS_SECTIONS.find((s) => s.groups.includes(group));
}

function isHiddenDefault(node: UiNode): boolean {
  return (
    node.group === "default" &&
    node.type === "input" &&
    "type" in node.attributes &&
    node.attributes.type === "hidden"
  );
}

/**
 * A settings flow's nodes that one section shows: its groups' nodes, and always the `default`
 * group's hidden inputs (csrf_token), without which Kratos refuses every form.
 */
export function sectionNodes(nodes: readonly UiNode[], section: SettingsSection): UiNode[] {
  return nodes.filter((n) => isHiddenDefault(n) || section.groups.includes(n.group));
}

/**
 * Whether the two-factor section shows the authenticator app's setup (QR code, secret, code
 * field): only once asked for (`?setup=totp`), or when Kratos answered a setup attempt with an
 * error, which the person must see next to the field.
 */
export function showsTotpSetup(nodes: readonly UiNode[], setupParam: string | undefined): boolean {
  if (setupParam === "totp") return true;
  return nodes.some((n) => n.group === "totp" && n.messages.some((m) => m.type === "error"));
}

/**
 * The nodes of the two-factor section without the authenticator app's setup nodes, while
 * setup is not shown. Its unlink button (an app already set up) is never hidden.
 */
export function withoutTotpSetup(nodes: readonly UiNode[]): UiNode[] {
  return nodes.filter((n) => n.group !== "totp" || nodeName(n) === "totp_unlink");
}

function nodeName(node: UiNode): string | undefined {
  return "name" in node.attributes ? node.attributes.name : undefined;
}

// A settings form's fields that say its group when it posts no `method` (Kratos's remove and
// unlink buttons post only themselves and the CSRF token).
const GROUP_BY_FIELD: readonly [RegExp, string][] = [
  [/^totp_/, "totp"],
  [/^webauthn_/, "webauthn"],
  [/^passkey_/, "passkey"],
  [/^lookup_secret_/, "lookup_secret"],
  [/^(link|unlink)$/, "oidc"],
  [/^traits(\.|$)/, "profile"],
  [/^password$/, "password"],
];

/** The group of a posted settings form: its `method`, or the first field that names one. */
export function postedGroup(method: string | undefined, fieldNames: readonly string[]): string | undefined {
  if (method) return method;
  for (const name of fieldNames) {
    const hit = GROUP_BY_FIELD.find(([re]) => re.test(name));
    if (hit) return hit[1];
  }
  return undefined;
}

/**
 * Where the browser goes after Kratos answered a settings request (its `Location`): Kratos sends
 * every browser settings flow to its one settings UI (`/settings?flow=…`), and asks for a fresh
 * sign-in with `return_to` its own submission URL. Both are sent to the section of the form
 * instead: the posted `method` (or the OIDC callback, which finishes linking an account) names a
 * group, the group its section; a new flow started from a section page names the section
 * (`section`, the app's own parameter). Only the path changes, to a path from the table above. Any
 * other Location, or one that is not the app's own settings UI, is returned unchanged.
 */
export function sectionReturnLocation(
  location: string,
  ctx: { appOrigin: string; bffPrefix: string; method?: string; oidcCallback?: boolean; section?: string },
): string {
  const group = ctx.oidcCallback ? "oidc" : ctx.method;
  const section =
    ctx.section !== undefined
      ? SETTINGS_SECTIONS.find((s) => s.id === ctx.section)
      : group === undefined
        ? undefined
        : sectionOfGroup(group);
  if (!section || section.path === SETTINGS_PATH) return location;
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return location;
  }
  if (url.origin !== ctx.appOrigin) return location;
  if (url.pathname === SETTINGS_PATH) {
    url.pathname = section.path;
    return url.href;
  }
  // The re-authentication detour: `…/self-service/login/browser?refresh=true&return_to=<the BFF's
  // settings submission URL>`. Its return_to becomes the section page showing the same flow.
  if (url.pathname !== `${ctx.bffPrefix}/self-service/login/browser`) return location;
  const returnTo = url.searchParams.get("return_to");
  let back: URL;
  try {
    back = new URL(returnTo ?? "");
  } catch {
    return location;
  }
  const flow = back.searchParams.get("flow");
  if (back.origin !== ctx.appOrigin || back.pathname !== `${ctx.bffPrefix}/self-service/settings` || !flow)
    return location;
  const page = new URL(section.path, ctx.appOrigin);
  page.searchParams.set("flow", flow);
  url.searchParams.set("return_to", page.href);
  return url.href;
}
