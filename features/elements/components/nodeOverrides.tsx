"use client";
// Where the kit's default rendering fails axe and its props cannot fix it, one node type is
// drawn by the app instead (the kit's `components` overrides), everything else stays the kit's.
import {
  uiTextToFormattedMessage,
  type OryFlowComponentOverrides,
  type OryNodeTextProps,
} from "@ory/elements-react";
import { getOryComponents } from "@ory/elements-react/theme";
import { useIntl } from "react-intl";

const KitText = getOryComponents().Node.Text;
const TOTP_SECRET = "totp_secret_key";

/**
 * The TOTP secret (settings): the kit shows it in a disabled input whose `<label for>` names
 * nothing (axe: "label", critical). Here the label points at a read-only field.
 */
function Text(props: OryNodeTextProps) {
  const intl = useIntl();
  const { node } = props;
  if (node.attributes.id !== TOTP_SECRET) return <KitText {...props} />;
  return (
    <div className="flex flex-col gap-1">
      {node.meta.label ? (
        <label htmlFor={TOTP_SECRET}>{uiTextToFormattedMessage(node.meta.label, intl)}</label>
      ) : null}
      <input
        id={TOTP_SECRET}
        readOnly
        value={node.attributes.text.text}
        className="w-full max-w-[488px] rounded-control border border-line-strong bg-surface-muted px-4 py-3 font-mono text-fg"
      />
    </div>
  );
}

export const NODE_OVERRIDES: OryFlowComponentOverrides = { Node: { Text } };
