// The stack scripts start the app with variables the variable table (lib/envVariables.ts) declares:
// a name the app does not read, or one spelled differently from the app, fails here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VARIABLES } from "@/lib/envVariables";

const repo = path.resolve(__dirname, "..");

// The object literals of the stack scripts, the bench and the features' stack modules that become
// the app's environment: `appEnv()`, `appEnv = {…}`, `appEnv: {…}` and `appEnv: (ctx) => ({…})`,
// `extraAppEnv: {…}`, objects spreading `appEnv` or `stack.appEnv`, and the environment of `next build`.
const APP_ENV_OBJECTS = [
  /\bappEnv\([^)]*\)\s*\{\s*return\s*\{([^{}]*)\}/g,
  /\bappEnv\s*[=:]\s*(?:\([^)]*\)\s*=>\s*\(\s*)?\{([^{}]*)\}/g,
  /\bextraAppEnv\s*:\s*\{([^{}]*)\}/g,
  /\{(\s*\.\.\.(?:\w+\.)?appEnv\b[^{}]*)\}/g,
  /\["build"\],\s*\{([^{}]*)\}/g,
  /\["build"\],\s*\{[^;]*?\benv:\s*\{([^{}]*)\}/g,
];

/** The keys of the app-env objects in a script's source, comments removed. */
function appEnvKeys(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
  const bodies = APP_ENV_OBJECTS.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]!));
  return [
    ...new Set(
      bodies.flatMap((b) => [...b.matchAll(/(?:^|[\s,{])([A-Z][A-Z0-9_]*)\s*:/g)].map((m) => m[1]!)),
    ),
  ];
}

const scripts = [
  ...["scripts", "bench"].flatMap((dir) =>
    readdirSync(path.join(repo, dir))
      .filter((f) => f.endsWith(".mjs"))
      .map((f) => `${dir}/${f}`),
  ),
  ...readdirSync(path.join(repo, "features"), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(repo, "features", d.name, "stack.mjs")))
    .map((d) => `features/${d.name}/stack.mjs`),
];
const keysByScript = Object.fromEntries(
  scripts.map((f) => [f, appEnvKeys(readFileSync(path.join(repo, f), "utf8"))]),
);

describe("the app's environment in the stack scripts, the bench and the features", () => {
  it("is found where the stacks start the app", () => {
    expect(keysByScript["scripts/stack.mjs"]).toEqual(
      expect.arrayContaining(["APP_URL", "SESSION_SECRET", "REDIS_URL", "NEXT_DIST_DIR", "PORT"]),
    );
    expect(keysByScript["scripts/profiles.mjs"]).toEqual(
      expect.arrayContaining(["KRATOS_TIMEOUT_MS", "NODE_ENV", "TRUST_PROXY"]),
    );
    expect(keysByScript["scripts/cluster.mjs"]).toEqual(expect.arrayContaining(["NEXT_OUTPUT"]));
    expect(keysByScript["scripts/test.mjs"]).toEqual(expect.arrayContaining(["NEXT_DIST_DIR", "APP_URL"]));
    expect(keysByScript["bench/bench.mjs"]).toEqual(expect.arrayContaining(["SESSION_CACHE_TTL_SECONDS"]));
    expect(keysByScript["features/oidc/stack.mjs"]).toEqual(
      expect.arrayContaining(["OIDC_PROVIDER_ORIGINS", "OIDC_MAILBOX_PROVIDERS"]),
    );
  });

  it.each(scripts)("%s sets only declared variables", (file) => {
    expect(keysByScript[file]!.filter((k) => !Object.hasOwn(VARIABLES, k))).toEqual([]);
  });
});

describe("appEnvKeys", () => {
  it("reads the keys of each kind of app-env object, not their values or comments", () => {
    const source = `
      export function appEnv(s) {
        return {
          // A comment: NOT_A_KEY: here
          APP_URL: s.appUrl,
          SESSION_SECRET: process.env.SESSION_SECRET || "x",
        };
      }
      const appEnv = { ...extraAppEnv, NODE_ENV: "production" };
      const profile = { appEnv: { TRUST_PROXY: "true" } };
      const feature = { appEnv: (ctx) => ({ OIDC_MAILBOX_PROVIDERS: ctx.x }) };
      start({ extraAppEnv: { NEXT_DIST_DIR: DIST_DIR } });
      run(next, [], { env: { ...appEnv(s), KRATOS_TIMEOUT_MS: "1" } });
      step(bin("next"), ["build"], { APP_URL: url });
      spawn(bin("next"), ["build"], { cwd: root, env: { ...process.env, NEXT_OUTPUT: "standalone" } });
      const kratosEnv = { DSN: "memory" };
    `;
    expect(appEnvKeys(source).sort()).toEqual(
      [
        "APP_URL",
        "KRATOS_TIMEOUT_MS",
        "NEXT_DIST_DIR",
        "NEXT_OUTPUT",
        "NODE_ENV",
        "OIDC_MAILBOX_PROVIDERS",
        "SESSION_SECRET",
        "TRUST_PROXY",
      ].sort(),
    );
  });
});
