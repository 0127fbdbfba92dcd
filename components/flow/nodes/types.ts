import type { ComponentType, ReactNode } from "react";
import type { NodeKind, NodePropsByKind } from "@/lib/kratos/nodeProps";

/** The card a screen's title, body and footer sit in. */
export interface CardProps {
  /** The heading's id: the card is labelled by it. */
  titleId: string;
  title: string;
  subtitle?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
}

/** One component per kind of Kratos UI node (lib/kratos/nodeProps.ts says which props each gets). */
export type NodeComponents = { [K in NodeKind]: ComponentType<NodePropsByKind[K]> };

/** Everything the flow screens draw with: the node components and the card. */
export type FlowComponents = NodeComponents & { Card: ComponentType<CardProps> };
