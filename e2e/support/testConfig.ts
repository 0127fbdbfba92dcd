// Everything the Playwright suite learns about the deployment under test comes from these
// variables, read and checked here, so that no spec knows a host, port or path of its own.
// Pure: takes the environment as an argument (unit-tested in test/e2eTestConfig.test.ts).
import { selectFeatures, type FeatureName } from "../../features/selection.mjs";

export type MailCatcherKind = "maildev" | "mailpit";

/** What a deployment may or may not expose; tests needing one skip when it is absent. */
export type Capability =
  | "admin"
  | "faultControl"
  | "directKratos"
  | "clusterControl"
  | "clusterInstances"
  | "oidcTestProvider"
  | "elementsKit"
  | "hydra";

/** The app's UI kit (its UI_KIT): its own pages, or Ory Elements for every flow. */
export type UiKit = "ui" | "elements";

/** Kratos's `selfservice.flows.login.style` (LOGIN_STYLE): one form, or the identifier first. */
export type LoginStyle = "unified" | "identifier_first";

export interface TestConfig {
  baseUrl: string;
  mailApiUrl: string;
  mailCatcher: MailCatcherKind;
  kratosAdminUrl?: string;
  faultControlUrl?: string;
  kratosPublicUrlDirect?: string;
  clusterControlUrl?: string;
  clusterInstanceUrls: string[];
  oidcTestProviderUrl?: string;
  /** The hydra feature: Hydra's admin API and issuer, and the demo relying party. */
  hydraAdminUrl?: string;
  hydraPublicUrl?: string;
  hydraDemoRpUrl?: string;
  /** The app's webhook secret (the notifications feature), to call its hook as Kratos does. */
  notifyWebhookSecret?: string;
  uiKit: UiKit;
  /** Kratos's login style when the stack says (the bundled stacks do); unknown otherwise. */
  loginStyle?: LoginStyle;
  /** The optional features the app under test runs with (FEATURES); the tests of the others skip. */
  features: FeatureName[];
  featuresValue: string;
  tlsCertSpki?: string;
  chromiumPath?: string;
  workers?: number;
}

interface Variable {
  name: string;
  /** What it is, for the README-like summary printed at start. */
  what: string;
  required?: boolean;
}

export const VARIABLES: readonly Variable[] = [
  { name: "BASE_URL", what: "the app under test", required: true },
  { name: "MAIL_API_URL", what: "the mail catcher's HTTP API", required: true },
  { name: "MAIL_CATCHER", what: "maildev (default) or mailpit" },
  { name: "KRATOS_ADMIN_URL", what: "Kratos's admin API; @admin tests skip without it" },
  { name: "FAULT_CONTROL_URL", what: "the test stack's fault relay; @fault tests on it skip without it" },
  { name: "KRATOS_PUBLIC_URL_DIRECT", what: "Kratos's public API reached directly, not through the app" },
  {
    name: "CLUSTER_CONTROL_URL",
    what: "the cluster profile's fault control; its @fault tests skip without it",
  },
  { name: "CLUSTER_INSTANCE_URLS", what: "comma-separated app instances behind the load balancer" },
  {
    name: "OIDC_TEST_PROVIDER_URL",
    what: "the stacks' local OpenID provider (any email signs in); @oidc tests skip without it",
  },
  {
    name: "HYDRA_ADMIN_URL",
    what: "Ory Hydra's admin API (the hydra feature); @hydra tests skip without it",
  },
  { name: "HYDRA_PUBLIC_URL", what: "Ory Hydra's issuer URL (the hydra feature)" },
  { name: "HYDRA_DEMO_RP_URL", what: "the demo relying party (the hydra feature)" },
  {
    name: "NOTIFY_WEBHOOK_SECRET",
    what: "the app's webhook secret (the notifications feature); its tests that call the hook as Kratos skip without it",
  },
  {
    name: "UI_KIT",
    what: "elements when the app under test runs with UI_KIT=elements; @ui-kit tests skip otherwise",
  },
  {
    name: "LOGIN_STYLE",
    what: "Kratos's login style (unified or identifier_first), to check the login page shows it; sign-in follows either",
  },
  {
    name: "FEATURES",
    what: "the optional features the app runs with (default all); a feature's tests skip when it is off",
  },
  { name: "TLS_CERT_SPKI", what: "SHA-256 of a self-signed certificate's public key, to trust it" },
  { name: "CHROMIUM_PATH", what: "the browser (default /usr/bin/chromium when present)" },
  { name: "PW_WORKERS", what: "parallel workers (default 2)" },
];

export const CAPABILITY_VARIABLE: Record<Capability, string> = {
  admin: "KRATOS_ADMIN_URL",
  faultControl: "FAULT_CONTROL_URL",
  directKratos: "KRATOS_PUBLIC_URL_DIRECT",
  clusterControl: "CLUSTER_CONTROL_URL",
  clusterInstances: "CLUSTER_INSTANCE_URLS",
  oidcTestProvider: "OIDC_TEST_PROVIDER_URL",
  elementsKit: "UI_KIT",
  hydra: "HYDRA_ADMIN_URL",
};

/** The tag a test needing the capability carries, so a run can select or leave out such tests. */
export const CAPABILITY_TAG: Record<Capability, string> = {
  admin: "@admin",
  faultControl: "@fault",
  directKratos: "@direct-kratos",
  clusterControl: "@cluster",
  clusterInstances: "@cluster",
  oidcTestProvider: "@oidc",
  elementsKit: "@ui-kit",
  hydra: "@hydra",
};

const CAPABILITY_WHY: Record<Capability, string> = {
  admin: "the Kratos admin API",
  faultControl: "the test stack's fault relay (npm test provides it)",
  directKratos: "Kratos's public API reached directly (npm test provides it)",
  clusterControl: "the cluster's fault control (npm run test:cluster provides it)",
  clusterInstances: "two app instances reached one by one (npm run test:cluster provides them)",
  oidcTestProvider:
    "the local OpenID provider, configured in Kratos as `local` (a mailbox provider) and `local-sso` (npm test provides it)",
  elementsKit: "an app running with UI_KIT=elements (npm run test:elements provides it)",
  hydra:
    "Ory Hydra with this app as its login, consent and logout UI, and the demo relying party (npm test provides them)",
};

export type Env = Readonly<Record<string, string | undefined>>;

export interface ParsedTestConfig {
  config: TestConfig;
  /** Invalid or missing required values: the run cannot start. */
  errors: string[];
  /** Optional variables not set, with what that turns off. */
  absent: string[];
}

function httpUrl(name: string, value: string, errors: string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    errors.push(`${name}=${value} is not a URL`);
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    errors.push(`${name}=${value} must be an http:// or https:// URL`);
    return undefined;
  }
  // Specs join paths onto these; a trailing slash would double up.
  return value.replace(/\/+$/, "");
}

export function parseTestConfig(env: Env): ParsedTestConfig {
  const errors: string[] = [];
  const absent: string[] = [];
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const url = (name: string) => {
    const v = value(name);
    return v === undefined ? undefined : httpUrl(name, v, errors);
  };

  for (const v of VARIABLES.filter((v) => v.required))
    if (!value(v.name)) errors.push(`${v.name} is required: ${v.what}`);

  const catcher = value("MAIL_CATCHER") ?? "maildev";
  if (catcher !== "maildev" && catcher !== "mailpit")
    errors.push(`MAIL_CATCHER=${catcher} must be maildev or mailpit`);

  const uiKit = value("UI_KIT")?.toLowerCase() ?? "ui";
  if (uiKit !== "ui" && uiKit !== "elements") errors.push(`UI_KIT=${uiKit} must be ui or elements`);

  const loginStyle = value("LOGIN_STYLE");
  if (loginStyle !== undefined && loginStyle !== "unified" && loginStyle !== "identifier_first")
    errors.push(`LOGIN_STYLE=${loginStyle} must be unified or identifier_first`);

  const selected = selectFeatures(value("FEATURES"));
  if (!selected.ok) errors.push(selected.error);

  let workers: number | undefined;
  const w = value("PW_WORKERS");
  if (w !== undefined) {
    workers = Number(w);
    if (!Number.isInteger(workers) || workers < 1) errors.push(`PW_WORKERS=${w} must be a positive integer`);
  }

  const instances = (value("CLUSTER_INSTANCE_URLS") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => httpUrl("CLUSTER_INSTANCE_URLS", s, errors))
    .filter((s): s is string => s !== undefined);

  const config: TestConfig = {
    baseUrl: url("BASE_URL") ?? "",
    mailApiUrl: url("MAIL_API_URL") ?? "",
    mailCatcher: catcher === "mailpit" ? "mailpit" : "maildev",
    kratosAdminUrl: url("KRATOS_ADMIN_URL"),
    faultControlUrl: url("FAULT_CONTROL_URL"),
    kratosPublicUrlDirect: url("KRATOS_PUBLIC_URL_DIRECT"),
    clusterControlUrl: url("CLUSTER_CONTROL_URL"),
    clusterInstanceUrls: instances,
    oidcTestProviderUrl: url("OIDC_TEST_PROVIDER_URL"),
    hydraAdminUrl: url("HYDRA_ADMIN_URL"),
    hydraPublicUrl: url("HYDRA_PUBLIC_URL"),
    hydraDemoRpUrl: url("HYDRA_DEMO_RP_URL"),
    notifyWebhookSecret: env.NOTIFY_WEBHOOK_SECRET || undefined,
    uiKit: uiKit === "elements" ? "elements" : "ui",
    loginStyle: loginStyle === "unified" || loginStyle === "identifier_first" ? loginStyle : undefined,
    features: selected.ok ? selected.features : [],
    featuresValue: value("FEATURES") ?? "all",
    tlsCertSpki: value("TLS_CERT_SPKI"),
    chromiumPath: value("CHROMIUM_PATH"),
    workers,
  };
  for (const cap of Object.keys(CAPABILITY_VARIABLE) as Capability[])
    if (!has(config, cap) && !featureOff(config, cap))
      absent.push(`${CAPABILITY_VARIABLE[cap]} not set: tests that need ${CAPABILITY_WHY[cap]} will skip`);
  return { config, errors, absent };
}

export function has(config: TestConfig, capability: Capability): boolean {
  switch (capability) {
    case "admin":
      return Boolean(config.kratosAdminUrl);
    case "faultControl":
      return Boolean(config.faultControlUrl);
    case "directKratos":
      return Boolean(config.kratosPublicUrlDirect);
    case "clusterControl":
      return Boolean(config.clusterControlUrl);
    case "clusterInstances":
      return config.clusterInstanceUrls.length >= 2;
    case "oidcTestProvider":
      return Boolean(config.oidcTestProviderUrl) && config.features.includes("oidc");
    case "elementsKit":
      return config.uiKit === "elements" && config.features.includes("elements");
    case "hydra":
      return (
        Boolean(config.hydraAdminUrl && config.hydraPublicUrl && config.hydraDemoRpUrl) &&
        config.features.includes("hydra")
      );
  }
}

/** The feature a capability belongs to (features/<name>/): with the feature off, it is absent. */
const CAPABILITY_FEATURE: Partial<Record<Capability, FeatureName>> = {
  oidcTestProvider: "oidc",
  elementsKit: "elements",
  hydra: "hydra",
};

/** The feature that `capability` needs, when FEATURES turns it off. */
export function featureOff(config: TestConfig, capability: Capability): FeatureName | undefined {
  const feature = CAPABILITY_FEATURE[capability];
  return feature && !config.features.includes(feature) ? feature : undefined;
}

/** The reason the tests of a feature that is off give in the report. */
export function featureOffReason(config: TestConfig, feature: FeatureName): string {
  return `the "${feature}" feature is off (FEATURES=${config.featuresValue})`;
}

/** The reason a skipped test gives in the report. */
export function skipReason(capability: Capability, config?: TestConfig): string {
  const off = config && featureOff(config, capability);
  if (off) return featureOffReason(config, off);
  const set = capability === "elementsKit" ? "UI_KIT=elements" : CAPABILITY_VARIABLE[capability];
  return `needs ${CAPABILITY_WHY[capability]}: set ${set}`;
}
