// The stack scripts start the app with variables the variable table (lib/envVariables.ts) declares:
// a name the app does not read, or one spelled differently from the app, fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VARIABLES } from "@/lib/envVariables";

const scriptsDir = path.resolve(__dirname, "..", "scripts");

// The object literals of scripts/*.mjs that become the app's environment: `appEnv()` and
// `appEnv = {…}`, `extraAppEnv: {…}`, objects spreading `appEnv`, and the environment of `next build`.
const APP_ENV_OBJECTS = [
  /function appEnv\([^)]*\)\s*\{\s*return\s*\{([^{}]*)\}/g,
  /\bappEnv\s*=\s*\{([^{}]*)\}/g,
  /\bextraAppEnv\s*:\s*\{([^{}]*)\}/g,
  /\{(\s*\.\.\.appEnv\b[^{}]*)\}/g,
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

const scripts = readdirSync(scriptsDir).filter((f) => f.endsWith(".mjs"));
const keysByScript = Object.fromEntries(
  scripts.map((f) => [f, appEnvKeys(readFileSync(path.join(scriptsDir, f), "utf8"))]),
);

describe("the app's environment in scripts/", () => {
  it("is found where the stacks start the app", () => {
    expect(keysByScript["stack.mjs"]).toEqual(expect.arrayContaining(["APP_URL", "SESSION_SECRET"]));
    expect(keysByScript["cluster.mjs"]).toEqual(
      expect.arrayContaining(["APP_URL", "NODE_ENV", "PORT", "NEXT_OUTPUT", "TRUST_PROXY"]),
    );
    expect(keysByScript["test.mjs"]).toEqual(expect.arrayContaining(["NEXT_DIST_DIR", "KRATOS_TIMEOUT_MS"]));
    expect(keysByScript["bench.mjs"]).toEqual(expect.arrayContaining(["SESSION_CACHE_TTL_SECONDS"]));
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
      start({ extraAppEnv: { NEXT_DIST_DIR: DIST_DIR } });
      run(next, [], { env: { ...appEnv(s), KRATOS_TIMEOUT_MS: "1" } });
      step(bin("next"), ["build"], { APP_URL: url });
      spawn(bin("next"), ["build"], { cwd: root, env: { ...process.env, NEXT_OUTPUT: "standalone" } });
      const kratosEnv = { DSN: "memory" };
    `;
    expect(appEnvKeys(source).sort()).toEqual(
      ["APP_URL", "KRATOS_TIMEOUT_MS", "NEXT_DIST_DIR", "NEXT_OUTPUT", "NODE_ENV", "SESSION_SECRET"].sort(),
    );
  });
});
