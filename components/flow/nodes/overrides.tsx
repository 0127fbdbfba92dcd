// A fork's own components for the flow screens, by kind: Input, Checkbox, Button, WebAuthnButton,
// Hidden, Text, Image, Anchor, Script, Division, Card. Each one set here replaces the app's
// default (./defaults.tsx) on every screen. Their props are in lib/kratos/nodeProps.ts (the
// card's in ./types.ts): ids, labels, aria and input modes already worked out, to pass on.
import type { FlowComponents } from "@/components/flow/nodes/types";

export const OVERRIDES: Partial<FlowComponents> = {};
