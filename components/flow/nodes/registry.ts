// The components the flow screens draw with: the app's defaults, with a fork's overrides on top.
import { DEFAULT_COMPONENTS } from "@/components/flow/nodes/defaults";
import { OVERRIDES } from "@/components/flow/nodes/overrides";
import type { FlowComponents } from "@/components/flow/nodes/types";

export const FLOW_COMPONENTS: FlowComponents = { ...DEFAULT_COMPONENTS, ...OVERRIDES };
