// The hydra feature's services for the local stacks (`npm run dev`, `npm test`): Ory Hydra on
// loopback (SQLite for dev, in memory for tests) with this app as its login, consent and logout
// UI, and the demo relying party (features/hydra/demo-rp/), registered as Hydra's client.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureHydra } from "./build.mjs";
import { registerClient } from "./clients.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

const DEFAULT_PORTS = {
  dev: { public: 4444, admin: 4445, demoRp: 4446 },
  bench: { public: 4644, admin: 4645, demoRp: 4646 },
  test: { public: 4544, admin: 4545, demoRp: 4546 },
};

/** Ports and URLs; each port overridable like the stack's others (`TEST_HYDRA_PUBLIC_PORT`, …). */
export function hydraSettings(kind) {
  const d = DEFAULT_PORTS[kind];
  const prefix = kind === "dev" ? "" : `${kind.toUpperCase()}_`;
  const port = (name, fallback) => Number(process.env[`${prefix}${name}`] || fallback);
  const ports = {
    public: port("HYDRA_PUBLIC_PORT", d.public),
    admin: port("HYDRA_ADMIN_PORT", d.admin),
    demoRp: port("HYDRA_DEMO_RP_PORT", d.demoRp),
  };
  return {
    ports,
    issuer: `http://localhost:${ports.public}/`,
    adminUrl: `http://127.0.0.1:${ports.admin}`,
    demoRpUrl: `http://localhost:${ports.demoRp}`,
  };
}

/** The demo RP's client: first-party in dev (no consent page), third-party in tests (the page is under test). */
export const DEMO_RP_CLIENT_ID = "demo-rp";

function hydraSecrets(dataDir) {
  const file = path.join(dataDir, "hydra-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = { system: randomBytes(32).toString("hex"), demoRp: randomBytes(24).toString("hex") };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Hydra's configuration: loopback ports, the app's pages as its UI. */
export function hydraConfig(h, appUrl, secrets) {
  const app = new URL(appUrl).origin;
  return {
    serve: {
      public: { host: "127.0.0.1", port: h.ports.public },
      admin: { host: "127.0.0.1", port: h.ports.admin },
      cookies: { same_site_mode: "Lax" },
    },
    urls: {
      self: { issuer: h.issuer },
      login: `${app}/oauth2/login`,
      consent: `${app}/oauth2/consent`,
      logout: `${app}/oauth2/logout`,
      error: `${app}/oauth2/error`,
      post_logout_redirect: `${app}/`,
    },
    secrets: { system: [secrets.system] },
    oidc: { subject_identifiers: { supported_types: ["public"] } },
    log: { level: "info", leak_sensitive_values: false },
  };
}

/**
 * Starts Hydra and the demo RP. `procs`: the stack's { run, waitFor } (scripts/stack.mjs).
 * Returns { appEnv, testEnv, summary, children }.
 */
export async function startHydra(kind, { appUrl, dataDir, log, procs }) {
  const h = hydraSettings(kind);
  const bin = await ensureHydra({ log });
  const secrets = hydraSecrets(dataDir);
  const configFile = path.join(dataDir, "hydra.yml");
  // JSON is valid YAML.
  writeFileSync(configFile, JSON.stringify(hydraConfig(h, appUrl, secrets), null, 2));
  const logFile = path.join(dataDir, "hydra.log");
  // Tests start from nothing each run; dev keeps its clients and consents between runs.
  const dsn = kind === "test" ? "memory" : `sqlite://${path.join(dataDir, "hydra.sqlite")}?_fk=true`;
  const env = { DSN: dsn };
  const children = [];
  if (dsn !== "memory") {
    log("[hydra] migrating Hydra's database…");
    const migrate = procs.run(bin, ["migrate", "sql", "-e", "--yes", "-c", configFile], { env, logFile });
    const code = await new Promise((resolve) => migrate.on("exit", resolve));
    if (code !== 0)
      throw new Error(`hydra migrate exited with ${code}; see ${path.relative(process.cwd(), logFile)}`);
  }
  log(`[hydra] starting Hydra on ${h.issuer} (public) and ${h.adminUrl} (admin)…`);
  // --dev: an http issuer on loopback.
  const hydra = procs.run(bin, ["serve", "all", "--dev", "-c", configFile], { env, logFile });
  children.push(hydra);
  await procs.waitFor("Hydra", `${h.adminUrl}/health/ready`, { child: hydra, log });

  await registerClient(h.adminUrl, {
    id: DEMO_RP_CLIENT_ID,
    secret: secrets.demoRp,
    name: "Demo relying party",
    redirectUris: [`${h.demoRpUrl}/callback`],
    postLogoutRedirectUris: [`${h.demoRpUrl}/signed-out`],
    firstParty: kind !== "test",
    frontchannelLogoutUri: `${h.demoRpUrl}/frontchannel-logout`,
    backchannelLogoutUri: `${h.demoRpUrl}/backchannel-logout`,
    logoUri: `data:image/svg+xml;base64,${Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="10" fill="#0f766e"/><path d="M14 34V14h10a8 8 0 0 1 0 16h-4v4z" fill="#fff"/></svg>',
    ).toString("base64")}`,
    clientUri: h.demoRpUrl,
  });
  const settings = {
    port: h.ports.demoRp,
    issuer: h.issuer,
    clientId: DEMO_RP_CLIENT_ID,
    clientSecret: secrets.demoRp,
    publicUrl: h.demoRpUrl,
  };
  const rp = procs.run(
    process.execPath,
    [path.join(here, "demo-rp", "server.mjs"), JSON.stringify(settings)],
    {
      logFile: path.join(dataDir, "demo-rp.log"),
    },
  );
  children.push(rp);
  await procs.waitFor("the demo relying party", `http://127.0.0.1:${h.ports.demoRp}/health`, {
    child: rp,
    log,
  });

  return {
    children,
    appEnv: { HYDRA_ADMIN_URL: h.adminUrl },
    testEnv: { HYDRA_ADMIN_URL: h.adminUrl, HYDRA_PUBLIC_URL: h.issuer, HYDRA_DEMO_RP_URL: h.demoRpUrl },
    summary: [
      `  Hydra      ${h.issuer} (public), ${h.adminUrl} (admin, loopback only); npm run hydra:client registers an app`,
      `  Demo RP    ${h.demoRpUrl}   (signs in with this app through Hydra)`,
    ],
  };
}
