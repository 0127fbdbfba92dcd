import type { FeatureStack } from "../features/contract";
import type { FeatureName } from "../features/selection.mjs";

type Profile = "dev" | "test" | "bench" | "cluster";
type Env = Readonly<Record<string, string | undefined>>;

export declare const PROFILES: Record<
  Profile,
  { ports: Record<string, number>; app: "dev" | "start" | "standalone"; [key: string]: unknown }
>;
export declare function portVariable(profile: Profile, key: string): string;
export interface StackSettings {
  profile: Profile;
  ports: { kratosPublic: number; kratosAdmin: number; smtp: number; mailWeb: number } & Record<
    string,
    number | undefined
  >;
  appUrl: string;
  instanceUrls: string[];
  kratosPublicUrl: string;
  appKratosPublicUrl: string;
  kratosAdminUrl: string;
  mailUrl: string;
  faultControlUrl?: string;
  controlUrl?: string;
  dataDir: string;
  distDir?: string;
}
export declare function stackSettings(profile: Profile, features?: FeatureStack[], env?: Env): StackSettings;
export declare function stackChoices(env?: Env): {
  features: FeatureName[];
  uiKit: "ui" | "elements";
  mailCatcher: "maildev" | "mailpit";
  loginStyle?: LoginStyle;
};
export type LoginStyle = "unified" | "identifier_first";
export declare function loginStyleOf(profile: Profile, choices: { loginStyle?: LoginStyle }): LoginStyle;
export declare function featureModules(names: string[]): Promise<FeatureStack[]>;
export declare function mergeConfig<T extends object>(base: T, fragment: object | undefined): T;
export declare function loadSecrets(dataDir: string, features?: FeatureStack[]): Record<string, string>;
