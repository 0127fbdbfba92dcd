// The stacks' one profile table (dev, test, bench, cluster: ports, parts, environment), the
// environment choices read once (FEATURES, UI_KIT, MAIL_CATCHER, LOGIN_STYLE), the selected features' stack
// modules (features/<name>/stack.mjs, contract in features/README.md) and the one secrets file.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { selectFeatures } from "../features/selection.mjs";
import { root } from "./service.mjs";

/**
 * Each profile's core ports (a feature adds its own, features/<name>/stack.mjs `ports`), how the
 * app runs ("dev": next dev; "start": a built app; "standalone": instances of the standalone
 * server behind nginx with TLS), and what else it has. Every port is overridable by env:
 * <PREFIX><NAME>_PORT, e.g. TEST_APP_PORT, CLUSTER_HTTPS_PORT, and APP_PORT for dev.
 */
export const PROFILES = {
  dev: {
    ports: { app: 3000, kratosPublic: 4433, kratosAdmin: 4434, smtp: 1025, mailWeb: 1080 },
    app: "dev",
    // Kratos's own password hashing cost (12), as a developer meets it.
    bcryptCost: undefined,
    fresh: false,
  },
  test: {
    ports: {
      app: 3100,
      kratosPublic: 4533,
      kratosAdmin: 4534,
      smtp: 1125,
      mailWeb: 1180,
      faultRelay: 4535,
      faultControl: 4536,
    },
    app: "start",
    distDir: ".next-test",
    // Password hashing speed is not under test; it keeps the suite fast on 2 cores.
    bcryptCost: 4,
    fresh: true,
    // A shorter Kratos timeout keeps the "Kratos is slow" test quick; submissions get 3×.
    // The longest session-check cache TTL: a session ended through the app (sign-out, another
    // device, account deletion) must be refused because of its revocation marker, never because
    // a slow run outlived the cached check. Every BFF path that changes a session's facts clears
    // the cache (lib/policy/bffRoutes.ts), so no other test depends on the TTL.
    appEnv: { KRATOS_TIMEOUT_MS: "4000", SESSION_CACHE_TTL_SECONDS: "3600" },
  },
  bench: {
    // noCache, floor and pageFloor: the bench's second app instance (session cache off), its bare
    // Next route handler and its bare Next dynamic page (bench/floor-app).
    ports: {
      app: 3200,
      noCache: 3201,
      floor: 3202,
      pageFloor: 3203,
      kratosPublic: 4633,
      kratosAdmin: 4634,
      smtp: 1225,
      mailWeb: 1280,
    },
    app: "start",
    distDir: ".next-bench",
    bcryptCost: 4,
    fresh: true,
    // The session-check cookie the cached row sends was sealed once, before the run: it must not
    // expire during it (a browser would get a fresh one every 30 s, at no measurable cost).
    appEnv: { SESSION_CACHE_TTL_SECONDS: "3600" },
  },
  cluster: {
    ports: {
      https: 3443,
      appA: 3301,
      appB: 3302,
      kratosPublic: 4733,
      kratosAdmin: 4734,
      smtp: 1325,
      mailWeb: 1380,
      redis: 6391,
      control: 4736,
    },
    app: "standalone",
    distDir: ".next-cluster",
    // Mailpit here and maildev in the test stack: CI exercises both catchers.
    mailCatcher: "mailpit",
    // The test stack signs in on one form (Kratos's default) and the cluster email first: CI's
    // two jobs run the same suite under both styles.
    loginStyle: "identifier_first",
    bcryptCost: undefined,
    fresh: true,
    appEnv: { NODE_ENV: "production", HOSTNAME: "127.0.0.1", TRUST_PROXY: "true" },
  },
};

// A port's variable name: its key in upper snake case, except where the name says more.
const PORT_NAMES = { smtp: "MAIL_SMTP", mailWeb: "MAIL_WEB", noCache: "NOCACHE" };
export const portVariable = (profile, key) =>
  `${profile === "dev" ? "" : `${profile.toUpperCase()}_`}${
    PORT_NAMES[key] ?? key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()
  }_PORT`;

/** A profile's ports (its own and its features'), addresses and folders. */
export function stackSettings(profile, features = [], env = process.env) {
  const p = PROFILES[profile];
  const defaults = { ...p.ports };
  for (const f of features)
    for (const [key, byProfile] of Object.entries(f.ports ?? {}))
      if (byProfile[profile]) defaults[key] = byProfile[profile];
  const ports = Object.fromEntries(
    Object.entries(defaults).map(([k, d]) => [k, Number(env[portVariable(profile, k)] || d)]),
  );
  const local = (port) => `http://127.0.0.1:${port}`;
  const cluster = p.app === "standalone";
  return {
    profile,
    ports,
    // "localhost" in the browser's address (cookies, WebAuthn's relying party); loopback only.
    appUrl: cluster ? `https://localhost:${ports.https}` : `http://localhost:${ports.app}`,
    instanceUrls: cluster ? [ports.appA, ports.appB].map(local) : [],
    kratosPublicUrl: local(ports.kratosPublic),
    // The test stack puts a fault relay between the app and Kratos public (resilience tests).
    appKratosPublicUrl: local(ports.faultRelay ?? ports.kratosPublic),
    kratosAdminUrl: local(ports.kratosAdmin),
    mailUrl: local(ports.mailWeb),
    faultControlUrl: ports.faultControl ? local(ports.faultControl) : undefined,
    controlUrl: ports.control ? local(ports.control) : undefined,
    dataDir: path.join(root, ".data", profile),
    distDir: p.distDir,
  };
}

const MAIL_CATCHERS = ["maildev", "mailpit"];
// Kratos's `selfservice.flows.login.style`: one form, or the identifier first and then its methods.
const LOGIN_STYLES = ["unified", "identifier_first"];

/**
 * What the environment chooses for every stack, read in this one place: { features, uiKit,
 * mailCatcher, loginStyle }, or a thrown Error saying what is wrong. Pure (takes the environment).
 * loginStyle is undefined when LOGIN_STYLE is unset: the profile's own (loginStyleOf) applies.
 */
export function stackChoices(env = process.env) {
  const selected = selectFeatures(env.FEATURES);
  if (!selected.ok) throw new Error(selected.error);
  const uiKit = env.UI_KIT?.trim().toLowerCase() || "ui";
  if (uiKit !== "ui" && uiKit !== "elements") throw new Error(`UI_KIT=${env.UI_KIT} must be ui or elements`);
  if (uiKit === "elements" && !selected.features.includes("elements"))
    throw new Error(
      `UI_KIT=elements needs the "elements" feature, which FEATURES=${env.FEATURES} turns off: ` +
        "select it, or leave UI_KIT unset",
    );
  const mailCatcher = env.MAIL_CATCHER?.trim() || "maildev";
  if (!MAIL_CATCHERS.includes(mailCatcher))
    throw new Error(`MAIL_CATCHER=${env.MAIL_CATCHER} must be one of ${MAIL_CATCHERS.join(", ")}`);
  const loginStyle = env.LOGIN_STYLE?.trim() || undefined;
  if (loginStyle && !LOGIN_STYLES.includes(loginStyle))
    throw new Error(`LOGIN_STYLE=${env.LOGIN_STYLE} must be one of ${LOGIN_STYLES.join(", ")}`);
  return { features: selected.features, uiKit, mailCatcher, loginStyle };
}

/** The login style a profile runs: LOGIN_STYLE's, else the profile's, else Kratos's default. */
export const loginStyleOf = (profile, choices) =>
  choices.loginStyle ?? PROFILES[profile].loginStyle ?? "unified";

/** The stack modules of the selected features; a feature without features/<name>/stack.mjs has none. */
export async function featureModules(names) {
  const mods = [];
  for (const name of names) {
    const file = path.join(root, "features", name, "stack.mjs");
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)).default;
    if (mod?.name !== name)
      throw new Error(
        `features/${name}/stack.mjs must export default { name: "${name}", … } (features/README.md)`,
      );
    mods.push(mod);
  }
  return mods;
}

/** `fragment` merged into `base`: objects key by key, anything else (arrays too) replaced. */
export function mergeConfig(base, fragment) {
  if (!fragment) return base;
  const out = { ...base };
  for (const [k, v] of Object.entries(fragment)) {
    const b = out[k];
    const plain = (x) => x && typeof x === "object" && !Array.isArray(x);
    out[k] = plain(b) && plain(v) ? mergeConfig(b, v) : v;
  }
  return out;
}

// Kratos's cipher secret is 32 characters; the others are longer random strings.
const CORE_SECRETS = { kratosCookie: 32, kratosCipher: 16, kratosDefault: 32, session: 32 };

/**
 * The stack's secrets, generated once per data folder (a folder from before a secret existed
 * gets it added): the core's and each feature's `secrets`. Deployments pass their own by env.
 */
export function loadSecrets(dataDir, features = []) {
  const file = path.join(dataDir, "secrets.json");
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const wanted = Object.assign({}, CORE_SECRETS, ...features.map((f) => f.secrets ?? {}));
  const secrets = { ...stored };
  for (const [name, bytes] of Object.entries(wanted)) secrets[name] ??= randomBytes(bytes).toString("hex");
  if (Object.keys(secrets).length !== Object.keys(stored).length)
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
