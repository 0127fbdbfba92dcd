// The contract of a feature's stack module, features/<name>/stack.mjs (features/README.md):
// what the stacks of scripts/stack.mjs take from a selected feature. Every part is optional.
import type { StackSettings } from "../scripts/profiles.mjs";

/** What a feature's functions are given: the stack being started. */
export interface StackContext {
  profile: "dev" | "test" | "bench" | "cluster";
  /** scripts/profiles.mjs stackSettings(): ports (the feature's own included), addresses, folders. */
  settings: StackSettings;
  /** The stack's secrets, the feature's own `secrets` included. */
  secrets: Record<string, string>;
  uiKit: string;
  /** The cluster: the app is reached over TLS through nginx. */
  tls: boolean;
  /** The cluster: the run's certificate (PEM), for a process that calls an https front of nginx. */
  certFile?: string;
  /**
   * The cluster: a PostgreSQL database of the feature's own, as a DSN: <NAME>_DATABASE_URL, or
   * a fresh one on the local server, dropped when the stack stops. Call it from `prepare`.
   */
  database?: (name: string) => Promise<string>;
  log: (line: string) => void;
}

/** A process of the feature, started with the core's services (scripts/service.mjs service()). */
export interface ServiceSpec {
  name: string;
  cmd: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  logFile?: string;
  /** Ready when each URL answers 2xx, or each port accepts connections. */
  ready: { url: string } | { port: number } | ({ url: string } | { port: number })[];
  /** One line for `npm run dev`'s banner. */
  banner?: string;
  /** A step once it is ready, before the feature's next service starts (registering a client). */
  afterReady?: () => Promise<unknown>;
}

export interface FeatureStack {
  name: string;
  /** Its ports by profile: { oidc: { dev: 4455, test: 4555, … } }, overridable like the core's. */
  ports?: Record<string, Partial<Record<StackContext["profile"], number>>>;
  /** Secrets it needs, generated once per data folder: name → random bytes. */
  secrets?: Record<string, number>;
  /**
   * A slow step that needs no stack (compiling a binary): scripts/with-deps.mjs runs it beside the
   * install and Kratos's build when a stack is about to start. Must be quick once done.
   */
  build?: (opts: { log: (line: string) => void }) => Promise<unknown>;
  /** Its own steps before any service starts: a configuration file, its database's migration. */
  prepare?: (ctx: StackContext) => Promise<void>;
  /** Its fragment of the Kratos overlay, merged over the core's (undefined: none). */
  kratos?: (ctx: StackContext) => object | undefined;
  /** Started beside the core's and the other features', one after another in this order. */
  services?: (ctx: StackContext) => ServiceSpec[];
  /** The cluster's nginx: extra server blocks (fill() fills a template) and a URL to wait for. */
  nginx?: (
    ctx: StackContext,
    fill: (file: string, values: Record<string, string>) => string,
  ) => { servers: string; ready: string };
  /** Variables for the app (declared in lib/envVariables.ts). */
  appEnv?: (ctx: StackContext) => Record<string, string>;
  /** Variables for the e2e suite (e2e/support/testConfig.ts). */
  testEnv?: (ctx: StackContext) => Record<string, string>;
}
