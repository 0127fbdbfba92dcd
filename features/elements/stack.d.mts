import type { FeatureStack } from "../contract";

declare const feature: FeatureStack;
export default feature;
