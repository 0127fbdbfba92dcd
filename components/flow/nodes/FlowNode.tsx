import type { UiNode } from "@ory/client-fetch";
import type { ComponentType } from "react";
import { FLOW_COMPONENTS } from "@/components/flow/nodes/registry";
import type { NodeComponents } from "@/components/flow/nodes/types";
import {
  describeNode,
  type DescribedNode,
  type NodeKind,
  type NodePropsByKind,
} from "@/lib/kratos/nodeProps";

function render<K extends NodeKind>(components: NodeComponents, { kind, props }: DescribedNode<K>) {
  const Component: ComponentType<NodePropsByKind[K]> = components[kind];
  return <Component {...props} />;
}

/**
 * One Kratos UI node, drawn by the component of its kind. `label` replaces Kratos's label where
 * the page knows better (e.g. "New password" in settings).
 */
export function FlowNode({ node, idPrefix, label }: { node: UiNode; idPrefix: string; label?: string }) {
  return render(FLOW_COMPONENTS, describeNode(node, idPrefix, label));
}
