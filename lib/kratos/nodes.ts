// Pure helpers over Kratos `ui.nodes`: how to split a flow into forms, what to call each
// node and section (catalog keys; the words are in messages/), and which step-up methods the factor policy lets a session see.
// What is known per method comes from the method registry (lib/policy/methods.ts).
import type { UiNode, UiNodeInputAttributes } from "@ory/client-fetch";
import {
  channelOfGroup,
  DEFAULT_FACTOR_POLICY,
  secondFactorAllowed,
  type AmrEntry,
  type FactorPolicy,
} from "@/lib/policy/factors";
import { METHODS, methodByGroup } from "@/lib/policy/methods";

export type InputNode = UiNode & { attributes: UiNodeInputAttributes & { node_type: "input" } };

export function isInput(node: UiNode): node is InputNode {
  return node.attributes.node_type === "input";
}

export function inputName(node: UiNode): string | undefined {
  return isInput(node) ? node.attributes.name : undefined;
}

export function isHiddenInput(node: UiNode): boolean {
  return isInput(node) && node.attributes.type === "hidden";
}

/** A stable React key for a node. */
export function nodeKey(node: UiNode, index: number): string {
  const a = node.attributes as { name?: string; id?: string; value?: unknown };
  return `${node.group}:${a.name ?? a.id ?? node.type}:${a.name === "method" || a.name === "address" ? String(a.value) : ""}:${index}`;
}

/** The label to show for a node: its (localized, lib/i18n/kratosText.ts) text, else the field name. */
export function labelOf(node: UiNode): string {
  return node.meta.label?.text || inputName(node) || "";
}

export interface FormSection {
  /** The method group this form submits (`default` when the flow is one form). */
  group: string;
  nodes: UiNode[];
}

// Shared fields, the identifier-first login's identifier and the profile come first, then each
// method's form, then the groups of other strategies (recovery and verification links).
const GROUP_ORDER = [
  "default",
  "identifier_first",
  "profile",
  ...METHODS.flatMap((m) => (m.group ? [m.group] : [])),
  "link",
];

function groupRank(g: string): number {
  const i = GROUP_ORDER.indexOf(g);
  return i === -1 ? GROUP_ORDER.length : i;
}

/**
 * Splits a flow into forms. When visible `default` fields (identifier, traits) are shared
 * by the methods, the flow is one form; otherwise each method gets its own form, carrying
 * the hidden `default` nodes (csrf_token), so that one method's required fields never block
 * another's submit.
 */
export function splitIntoForms(nodes: readonly UiNode[]): FormSection[] {
  // The identifier-first login's second screen keeps the identifier as a hidden field of its
  // own group, which every method's form must send (the password form would post without it).
  const shared = nodes.filter(
    (n) => n.group === "default" || (n.group === "identifier_first" && isHiddenInput(n)),
  );
  const sharedVisible = shared.some((n) => isInput(n) && n.attributes.type !== "hidden");
  if (sharedVisible) {
    // Methods with a form of their own (sign-in with a provider) follow the shared form.
    const own = (g: string) => methodByGroup(g)?.ownForm === true;
    const ownGroups = [...new Set(nodes.map((n) => n.group))].filter(own);
    const ordered = [...nodes]
      .filter((n) => !own(n.group))
      .sort((a, b) => groupRank(a.group) - groupRank(b.group));
    const hiddenShared = shared.filter(isHiddenInput);
    return [
      { group: "default", nodes: ordered },
      ...ownGroups.map((group) => ({
        group,
        nodes: [...hiddenShared, ...nodes.filter((n) => n.group === group)],
      })),
    ];
  }
  const own = nodes.filter((n) => !shared.includes(n));
  const groups = [...new Set(own.map((n) => n.group))]
    .filter((g) => g !== "default")
    .sort((a, b) => groupRank(a) - groupRank(b));
  return groups.map((group) => ({ group, nodes: [...shared, ...own.filter((n) => n.group === group)] }));
}

/** Method groups that ask the user to do something (not just scripts or hidden fields). */
export function methodGroups(nodes: readonly UiNode[]): string[] {
  return [
    ...new Set(
      nodes
        .filter((n) => n.group !== "default" && n.type !== "script" && !isHiddenInput(n))
        .map((n) => n.group),
    ),
  ];
}

export interface StepUpFilterResult {
  nodes: UiNode[];
  /** Groups removed because their channel does not count after this session's first factor. */
  removedGroups: string[];
  /** Method groups still offered. */
  remainingGroups: string[];
}

/**
 * Removes, from an aal2 login flow, the second-factor groups whose channel would repeat
 * the session's first factor (e.g. an email code after an email recovery code).
 */
export function filterStepUpNodes(
  nodes: readonly UiNode[],
  sessionAmr: readonly AmrEntry[],
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): StepUpFilterResult {
  const removed = new Set<string>();
  const kept = nodes.filter((n) => {
    const channel = channelOfGroup(n.group, policy);
    if (!channel || secondFactorAllowed(sessionAmr, channel, policy)) return true;
    removed.add(n.group);
    return false;
  });
  return { nodes: kept, removedGroups: [...removed], remainingGroups: methodGroups(kept) };
}

/** The catalog key of a section's heading: the method's title, or the profile's. */
export function sectionTitleKey(group: string): string | undefined {
  if (group === "profile") return "sections.profile";
  const method = methodByGroup(group);
  return method && `methods.${method.key}.title`;
}

/** The catalog key of a method group as one choice in "Use a, b or c." ("a backup code"). */
export function choiceKey(group: string): string | undefined {
  const method = methodByGroup(group);
  return method && `methods.${method.key}.choice`;
}

/** True for a settings button that removes or unlinks a factor. */
export function isRemoveButton(inputName: string): boolean {
  return METHODS.some((m) => m.removeButtons.includes(inputName));
}

/**
 * Kratos's script nodes (the WebAuthn script) made fit for a page that renders them as
 * `<script>` elements under the app's nonce CSP: Kratos gives each a nonce of its own, which
 * the page's CSP does not list, so each gets the request's nonce instead; a script whose `src`
 * the page may not load (`allowedSrc`: served by the BFF, lib/http/paths.ts) is dropped.
 */
export function withPageScripts(
  nodes: readonly UiNode[],
  nonce: string,
  allowedSrc: (src: string) => boolean,
): UiNode[] {
  return nodes.flatMap((n) => {
    if (n.attributes.node_type !== "script") return [n];
    if (!allowedSrc(n.attributes.src)) return [];
    return [{ ...n, attributes: { ...n.attributes, nonce } }];
  });
}

// Kratos's passkey autofill: the onload trigger of its hidden `passkey_login` input, which asks
// the browser for a passkey through the identifier field (conditional mediation).
const PASSKEY_AUTOFILL_TRIGGER = "oryPasskeyLoginAutocompleteInit";
const PASSKEY_AUTOFILL_AUTOCOMPLETE = "username webauthn";

/**
 * Which screen of an identifier-first login (Kratos's `selfservice.flows.login.style:
 * identifier_first`) the nodes are: `identify` asks for the identifier, `credentials` for the
 * methods (the identifier is then a hidden field). Undefined for a one-form login, a
 * re-authentication or a step-up, which Kratos renders the same in either style.
 */
export function identifierFirstStep(nodes: readonly UiNode[]): "identify" | "credentials" | undefined {
  const identifier = nodes.find((n) => n.group === "identifier_first" && inputName(n) === "identifier");
  if (!identifier) return undefined;
  return isHiddenInput(identifier) ? "credentials" : "identify";
}

/** The identifier the person typed on an identifier-first login's first screen. */
export function identifierFirstValue(nodes: readonly UiNode[]): string | undefined {
  if (identifierFirstStep(nodes) !== "credentials") return undefined;
  const value = nodes.find((n) => inputName(n) === "identifier")?.attributes;
  const v = (value as { value?: unknown } | undefined)?.value;
  return typeof v === "string" && v ? v : undefined;
}

/**
 * A login flow's nodes as the pages (both UI kits) render them: the visible identifier offers
 * the person's passkeys (`autocomplete="username webauthn"`) wherever Kratos started passkey
 * autofill. Kratos v1.3.1 sets it on the one-form login's identifier but not on the
 * identifier-first one, which it re-creates without it after the passkey strategy's.
 */
export function loginNodes(nodes: readonly UiNode[]): UiNode[] {
  const autofill = nodes.some(
    (n) =>
      isInput(n) &&
      n.attributes.name === "passkey_login" &&
      n.attributes.onloadTrigger === PASSKEY_AUTOFILL_TRIGGER,
  );
  if (!autofill) return [...nodes];
  return nodes.map((n) =>
    isInput(n) && n.attributes.name === "identifier" && n.attributes.type !== "hidden"
      ? { ...n, attributes: { ...n.attributes, autocomplete: PASSKEY_AUTOFILL_AUTOCOMPLETE } }
      : n,
  );
}
