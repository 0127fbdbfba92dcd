// What each Kratos UI node renders as: its kind, which picks the component
// (components/flow/nodes/), and that component's props. Everything the markup needs to know
// about a node is worked out here, once: field ids, labels, error state, button styles and what
// the method registry (lib/policy/methods.ts) says about a method's inputs.
import type {
  UiNode,
  UiNodeInputAttributes,
  UiNodeInputAttributesOnclickTriggerEnum,
  UiNodeInputAttributesOnloadTriggerEnum,
  UiNodeTextAttributes,
  UiText,
} from "@ory/client-fetch";
import { isRemoveButton, labelOf } from "@/lib/kratos/nodes";
import { methodByGroup } from "@/lib/policy/methods";

interface NodeProps {
  /** The node as Kratos sent it (texts localized), for anything the props leave out. */
  node: UiNode;
}

export interface ImageProps extends NodeProps {
  id: string;
  src: string;
  alt: string;
  width: number;
  height: number;
}

export interface TextProps extends NodeProps {
  id: string;
  /** The text's heading ("" when it has none). */
  label: string;
  text: string;
  /** Codes to keep (backup codes), when the method registry says this text lists them. */
  codes?: string[];
}

export interface AnchorProps extends NodeProps {
  id: string;
  href: string;
  title: string;
}

export interface HiddenProps extends NodeProps {
  name: string;
  value: string;
  /** A Kratos WebAuthn function to run when the page loads. */
  onloadTrigger?: UiNodeInputAttributesOnloadTriggerEnum;
}

export type ButtonVariant = "primary" | "secondary" | "danger";

export interface ButtonProps extends NodeProps {
  name: string;
  value?: string;
  label: string;
  disabled?: boolean;
  /** `primary` submits a method, `danger` removes a factor, `secondary` is anything else. */
  variant: ButtonVariant;
}

/** A button that runs a Kratos WebAuthn function (it needs JavaScript). */
export interface WebAuthnButtonProps extends NodeProps {
  name: string;
  value: string;
  label: string;
  trigger: UiNodeInputAttributesOnclickTriggerEnum;
}

/** What every visible field has: its id (the label's target), name, label and Kratos's messages. */
export interface FieldProps extends NodeProps {
  id: string;
  name: string;
  label: string;
  messages: UiText[];
  /** The id of the messages' container: `aria-describedby` when there are messages. */
  messagesId: string;
  describedBy?: string;
  /** Kratos reported an error on the field. */
  invalid: boolean;
}

export interface CheckboxProps extends FieldProps {
  checked: boolean;
}

export interface InputProps extends FieldProps {
  type: string;
  /** None for passwords: a page never sends a password back. */
  defaultValue?: string;
  required?: boolean;
  disabled?: boolean;
  autoComplete?: string;
  pattern?: string;
  maxLength?: number;
  /** `numeric` for the inputs the method registry lists as codes of digits. */
  inputMode?: "numeric";
}

/** The props of each kind of node; the kinds are the names of their components. */
export interface NodePropsByKind {
  Image: ImageProps;
  Text: TextProps;
  Anchor: AnchorProps;
  Script: NodeProps;
  Division: NodeProps;
  Hidden: HiddenProps;
  Button: ButtonProps;
  WebAuthnButton: WebAuthnButtonProps;
  Checkbox: CheckboxProps;
  Input: InputProps;
}

export type NodeKind = keyof NodePropsByKind;

export type DescribedNode<K extends NodeKind = NodeKind> = {
  [P in K]: { kind: P; props: NodePropsByKind[P] };
}[K];

/** The id of a field: unique per form (`idPrefix` names the page and the form). */
export function fieldId(idPrefix: string, name: string): string {
  return `${idPrefix}-${name.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
}

export function buttonVariant(name: string): ButtonVariant {
  if (isRemoveButton(name)) return "danger";
  return name === "method" ? "primary" : "secondary";
}

/** `numeric` when the method of this node group takes this input as a code of digits. */
export function inputModeOf(group: string, name: string): "numeric" | undefined {
  return methodByGroup(group)?.numericInputs?.includes(name) ? "numeric" : undefined;
}

/** The codes a text lists, when its method says it lists codes (`codeListText`), else undefined. */
export function listedCodes(group: string, text: UiNodeTextAttributes): string[] | undefined {
  if (methodByGroup(group)?.codeListText !== text.id) return undefined;
  const context: object = text.text.context ?? {};
  const secrets: unknown = "secrets" in context ? context.secrets : undefined;
  if (!Array.isArray(secrets)) return undefined;
  return secrets.flatMap((s: unknown) =>
    typeof s === "object" && s !== null && "text" in s && typeof s.text === "string" ? [s.text] : [],
  );
}

function describeInput(
  node: UiNode,
  a: UiNodeInputAttributes,
  idPrefix: string,
  label: string,
): DescribedNode<"Hidden" | "Button" | "WebAuthnButton" | "Checkbox" | "Input"> {
  const value = a.value === undefined || a.value === null ? undefined : String(a.value);
  if (a.type === "hidden")
    return {
      kind: "Hidden",
      props: { node, name: a.name, value: value ?? "", onloadTrigger: a.onloadTrigger },
    };
  if (a.type === "submit" || a.type === "button") {
    if (a.onclickTrigger)
      return {
        kind: "WebAuthnButton",
        props: { node, name: a.name, value: value ?? "", label, trigger: a.onclickTrigger },
      };
    return {
      kind: "Button",
      props: { node, name: a.name, value, label, disabled: a.disabled, variant: buttonVariant(a.name) },
    };
  }
  const id = fieldId(idPrefix, a.name);
  const messages = node.messages ?? [];
  const messagesId = `${id}-messages`;
  const field: FieldProps = {
    node,
    id,
    name: a.name,
    label,
    messages,
    messagesId,
    describedBy: messages.length > 0 ? messagesId : undefined,
    invalid: messages.some((m) => m.type === "error"),
  };
  if (a.type === "checkbox") return { kind: "Checkbox", props: { ...field, checked: a.value === true } };
  return {
    kind: "Input",
    props: {
      ...field,
      type: a.type,
      defaultValue: a.type === "password" ? undefined : value,
      required: a.required,
      disabled: a.disabled,
      autoComplete: a.autocomplete,
      pattern: a.pattern,
      maxLength: a.maxlength,
      inputMode: inputModeOf(node.group, a.name),
    },
  };
}

/**
 * A node's kind and props. `idPrefix` makes field ids unique on the page; `label` replaces
 * Kratos's label where the page knows better (e.g. "New password" in settings).
 */
export function describeNode(node: UiNode, idPrefix: string, label: string = labelOf(node)): DescribedNode {
  const a = node.attributes;
  switch (a.node_type) {
    case "img":
      return {
        kind: "Image",
        props: { node, id: a.id, src: a.src, alt: label, width: a.width, height: a.height },
      };
    case "text":
      return {
        kind: "Text",
        props: { node, id: a.id, label, text: a.text.text, codes: listedCodes(node.group, a) },
      };
    case "a":
      return { kind: "Anchor", props: { node, id: a.id, href: a.href, title: a.title.text } };
    case "script":
      return { kind: "Script", props: { node } };
    case "div":
      return { kind: "Division", props: { node } };
    case "input":
      return describeInput(node, a, idPrefix, label);
  }
}
