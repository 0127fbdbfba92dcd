import type { FeatureStack, StackContext } from "../contract";

export declare const HOOK_PATH: string;
export declare function webHook(ctx: StackContext, query: Record<string, string>): object;
declare const feature: FeatureStack & {
  appEnv: (ctx: StackContext) => Record<string, string>;
  testEnv: (ctx: StackContext) => Record<string, string>;
};
export default feature;
