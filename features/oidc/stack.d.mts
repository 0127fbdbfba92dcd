import type { FeatureStack, ServiceSpec, StackContext } from "../contract";

export declare const LOCAL_OIDC: {
  clientId: string;
  providers: { id: string; label: string }[];
  mailboxProviders: string[];
};
export declare const oidcRedirectUri: (appUrl: string, providerId: string) => string;
declare const feature: FeatureStack & {
  services: (ctx: StackContext) => ServiceSpec[];
  appEnv: (ctx: StackContext) => Record<string, string>;
  testEnv: (ctx: StackContext) => Record<string, string>;
};
export default feature;
