// Kratos's UI texts in the reader's language: each message and label is looked up in the
// catalog by its Kratos id (`kratos.<id>`), with the values of its `context` filled in; an
// id the catalog lacks, or a placeholder without a value, keeps Kratos's own English text
// (which Kratos already filled in). Pure.
import type { UiContainer, UiNode, UiText } from "@ory/client-fetch";

/** The catalog's raw message for a key, or undefined when it has none. */
export type Lookup = (key: string) => string | undefined;

const SCHEMA_TITLE = 1070002; // a label Kratos takes from a field's title in the identity schema

export function kratosKey(id: number): string {
  return `kratos.${id}`;
}

function valueText(v: unknown): string | undefined {
  if (typeof v === "string") return v || undefined;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v) && v.length) return v.map(String).join(", ");
  return undefined;
}

/** `{name}` placeholders filled from `context`; undefined if one has no value. */
export function interpolate(template: string, context: unknown): string | undefined {
  const ctx = (context && typeof context === "object" ? context : {}) as Record<string, unknown>;
  let complete = true;
  const out = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = Object.hasOwn(ctx, name) ? valueText(ctx[name]) : undefined;
    if (v === undefined) complete = false;
    return v ?? "";
  });
  return complete ? out : undefined;
}

const FREE_TEXT = 4000001; // "{reason}": Kratos's English sentence, for errors without an id of their own

// Kratos v1.3.1 sentences that arrive as FREE_TEXT but say something a person must understand,
// worded in the catalogs under `kratosReasons`, by how the sentence starts (the rest may carry
// details such as the provider's own error description).
const REASON_KEYS: readonly [start: string, key: string][] = [
  [
    "can not unlink OpenID Connect connection because it is the last remaining first factor credential",
    "kratosReasons.unlinkLastSignInMethod",
  ],
  [
    "Unable to complete OpenID Connect flow because the OpenID Provider returned error",
    "kratosReasons.providerDidNotSignIn",
  ],
];

/** The catalog key for a Kratos text: by its id, or for a known free-text reason, by that reason. */
function keyOf(t: UiText): string {
  const reason = (t.context as { reason?: unknown } | undefined)?.reason;
  const known =
    t.id === FREE_TEXT && typeof reason === "string"
      ? REASON_KEYS.find(([start]) => reason.startsWith(start))?.[1]
      : undefined;
  return known ?? kratosKey(t.id);
}

export function translateText(t: UiText, lookup: Lookup, key = keyOf(t)): string {
  const template = lookup(key);
  return (template !== undefined && interpolate(template, t.context)) || t.text;
}

function localizeNode(node: UiNode, lookup: Lookup): UiNode {
  const label = node.meta.label;
  const title =
    label?.id === SCHEMA_TITLE ? (label.context as { title?: unknown } | undefined)?.title : undefined;
  const titleKey = typeof title === "string" && !title.includes(".") ? `schemaTitles.${title}` : undefined;
  let attributes = node.attributes;
  if (attributes.node_type === "a") {
    attributes = {
      ...attributes,
      title: { ...attributes.title, text: translateText(attributes.title, lookup) },
    };
  }
  if (attributes.node_type === "text") {
    // The text itself is a secret or the list of backup codes; only their notes are words.
    const ctx = attributes.text.context as { secrets?: UiText[] } | undefined;
    if (ctx?.secrets) {
      const secrets = ctx.secrets.map((s) =>
        s.id === 1050014 ? { ...s, text: translateText(s, lookup) } : s,
      );
      attributes = { ...attributes, text: { ...attributes.text, context: { ...ctx, secrets } } };
    }
  }
  return {
    ...node,
    attributes,
    messages: node.messages.map((m) => ({ ...m, text: translateText(m, lookup) })),
    meta: {
      ...node.meta,
      label: label && {
        ...label,
        // A field's title from the identity schema: the catalog words it under schemaTitles.
        text: (titleKey && lookup(titleKey)) || translateText(label, lookup),
      },
    },
  };
}

/** A flow's UI with every message, label and link title in the reader's language. */
export function localizeUi(ui: UiContainer, lookup: Lookup): UiContainer {
  return {
    ...ui,
    messages: ui.messages?.map((m) => ({ ...m, text: translateText(m, lookup) })),
    nodes: ui.nodes.map((n) => localizeNode(n, lookup)),
  };
}

/** A Lookup over a catalog (next-intl's `useMessages()` / `getMessages()`), by dotted key. */
export function lookupIn(messages: object): Lookup {
  return (key) => {
    const v = key
      .split(".")
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages);
    return typeof v === "string" ? v : undefined;
  };
}
