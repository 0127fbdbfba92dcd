import type { FeatureStack, ServiceSpec, StackContext } from "../contract";

export declare const DEMO_RP_CLIENT_ID: string;
export declare function hydraUrls(ctx: Pick<StackContext, "settings" | "tls">): {
  issuer: string;
  adminUrl: string;
  demoRpUrl: string;
};
export declare function hydraConfig(ctx: StackContext): {
  serve: { public: { host: string; port: number }; admin: { host: string; port: number } };
  urls: Record<string, unknown> & { self: { issuer: string } };
  [key: string]: unknown;
};
declare const feature: FeatureStack & {
  services: (ctx: StackContext) => ServiceSpec[];
  nginx: NonNullable<FeatureStack["nginx"]>;
  appEnv: (ctx: StackContext) => Record<string, string>;
  testEnv: (ctx: StackContext) => Record<string, string>;
};
export default feature;
