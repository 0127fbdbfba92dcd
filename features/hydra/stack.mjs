// The hydra feature's part of the stacks (contract: features/README.md): Ory Hydra on loopback
// (SQLite for dev, in memory for the test and bench stacks, PostgreSQL in the cluster, where its
// public endpoints, and only those, are served through nginx over TLS) with this app as its
// login, consent and logout UI, and the demo relying party (demo-rp/ beside this file),
// registered as Hydra's client once Hydra answers. FEATURES=-hydra leaves all of it out.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runToEnd } from "../../scripts/service.mjs";
import { ensureHydra, hydraBinary } from "./build.mjs";
import { registerClient } from "./clients.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The demo RP's client: first-party in dev and the bench (no consent page), third-party where the suite runs (the page is under test). */
export const DEMO_RP_CLIENT_ID = "demo-rp";

/** Hydra's addresses in a stack: its issuer (public), admin API (loopback only) and the demo RP. */
export function hydraUrls({ settings, tls }) {
  const { ports } = settings;
  return {
    // The cluster: through nginx (nginx.conf.template beside this file), never Hydra's own port.
    issuer: tls ? `https://localhost:${ports.hydraHttps}/` : `http://localhost:${ports.hydraPublic}/`,
    adminUrl: `http://127.0.0.1:${ports.hydraAdmin}`,
    demoRpUrl: `http://localhost:${ports.hydraDemoRp}`,
  };
}

/** Hydra's configuration: loopback ports, the app's pages as its UI. */
export function hydraConfig(ctx) {
  const { ports, appUrl } = ctx.settings;
  const app = new URL(appUrl).origin;
  return {
    serve: {
      public: { host: "127.0.0.1", port: ports.hydraPublic },
      admin: { host: "127.0.0.1", port: ports.hydraAdmin },
      cookies: { same_site_mode: "Lax" },
    },
    urls: {
      self: { issuer: hydraUrls(ctx).issuer },
      login: `${app}/oauth2/login`,
      consent: `${app}/oauth2/consent`,
      logout: `${app}/oauth2/logout`,
      error: `${app}/oauth2/error`,
      post_logout_redirect: `${app}/`,
    },
    secrets: { system: [ctx.secrets.hydraSystem] },
    oidc: { subject_identifiers: { supported_types: ["public"] } },
    log: { level: "info", leak_sensitive_values: false },
  };
}

/** The cluster's database, made by prepare() (ctx.database) for services(). */
const clusterDsns = new WeakMap();

// Tests and the bench start from nothing each run; dev keeps its clients and consents between
// runs; the cluster has a PostgreSQL database of its own, like Kratos.
const dsnOf = (ctx) =>
  ctx.profile === "dev"
    ? `sqlite://${path.join(ctx.settings.dataDir, "hydra.sqlite")}?_fk=true`
    : ctx.profile === "cluster"
      ? clusterDsns.get(ctx)
      : "memory";
const configFile = (ctx) => path.join(ctx.settings.dataDir, "hydra.yml");
const logFile = (ctx, name) => path.join(ctx.settings.dataDir, `${name}.log`);

const DEMO_RP_LOGO = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="10" fill="#0f766e"/><path d="M14 34V14h10a8 8 0 0 1 0 16h-4v4z" fill="#fff"/></svg>',
).toString("base64")}`;

const feature = {
  name: "hydra",
  ports: {
    hydraPublic: { dev: 4444, test: 4544, bench: 4644, cluster: 4744 },
    hydraAdmin: { dev: 4445, test: 4545, bench: 4645, cluster: 4745 },
    hydraDemoRp: { dev: 4446, test: 4546, bench: 4646, cluster: 4746 },
    // The cluster's nginx in front of Hydra's public endpoints, with the app's certificate.
    hydraHttps: { cluster: 4747 },
  },
  secrets: { hydraSystem: 32, hydraDemoRp: 24 },

  /** Go builds the binary once (scripts/with-deps.mjs runs this beside the install). */
  build: ({ log }) => ensureHydra({ log }),

  /** Hydra's configuration file, and its database migrated (dev: SQLite; cluster: PostgreSQL). */
  prepare: async (ctx) => {
    const bin = await ensureHydra({ log: ctx.log });
    // JSON is valid YAML.
    writeFileSync(configFile(ctx), JSON.stringify(hydraConfig(ctx), null, 2));
    if (ctx.profile === "cluster") clusterDsns.set(ctx, await ctx.database("hydra"));
    const dsn = dsnOf(ctx);
    if (dsn === "memory") return;
    ctx.log(`[hydra] migrating Hydra's ${ctx.profile === "cluster" ? "PostgreSQL" : "SQLite"} database…`);
    await runToEnd("hydra migrate", bin, ["migrate", "sql", "-e", "--yes", "-c", configFile(ctx)], {
      env: { DSN: dsn },
      logFile: logFile(ctx, "hydra"),
    });
  },

  services: (ctx) => {
    const { issuer, adminUrl, demoRpUrl } = hydraUrls(ctx);
    const { ports } = ctx.settings;
    const demoRp = {
      port: ports.hydraDemoRp,
      issuer,
      clientId: DEMO_RP_CLIENT_ID,
      clientSecret: ctx.secrets.hydraDemoRp,
      publicUrl: demoRpUrl,
    };
    return [
      {
        name: "Hydra",
        cmd: hydraBinary(),
        // --dev: an http issuer on loopback; the cluster's is https (nginx terminates TLS).
        args: ["serve", "all", ...(ctx.tls ? [] : ["--dev"]), "-c", configFile(ctx)],
        env: { DSN: dsnOf(ctx) },
        logFile: logFile(ctx, "hydra"),
        ready: { url: `${adminUrl}/health/ready` },
        // The demo RP's registration, before the demo RP starts (it is the next service).
        afterReady: () =>
          registerClient(adminUrl, {
            id: DEMO_RP_CLIENT_ID,
            secret: ctx.secrets.hydraDemoRp,
            name: "Demo relying party",
            redirectUris: [`${demoRpUrl}/callback`],
            postLogoutRedirectUris: [`${demoRpUrl}/signed-out`],
            firstParty: ctx.profile === "dev" || ctx.profile === "bench",
            frontchannelLogoutUri: `${demoRpUrl}/frontchannel-logout`,
            backchannelLogoutUri: `${demoRpUrl}/backchannel-logout`,
            logoUri: DEMO_RP_LOGO,
            clientUri: demoRpUrl,
          }),
        banner: `Hydra      ${issuer} (public), ${adminUrl} (admin, loopback only); npm run hydra:client registers an app`,
      },
      {
        name: "the demo relying party",
        cmd: process.execPath,
        args: [path.join(here, "demo-rp", "server.mjs"), JSON.stringify(demoRp)],
        // The cluster's issuer is behind nginx with the run's certificate.
        env: ctx.certFile ? { NODE_EXTRA_CA_CERTS: ctx.certFile } : {},
        logFile: logFile(ctx, "demo-rp"),
        ready: { url: `http://127.0.0.1:${ports.hydraDemoRp}/health` },
        banner: `Demo RP    ${demoRpUrl}   (signs in with this app through Hydra)`,
      },
    ];
  },

  /** The cluster's nginx serves Hydra's public endpoints (and nothing else of Hydra) over TLS. */
  nginx: (ctx, fill) => ({
    servers: fill(path.join(here, "nginx.conf.template"), {
      LISTEN: `127.0.0.1:${ctx.settings.ports.hydraHttps}`,
      SERVER_NAME: "localhost",
      UPSTREAM: `127.0.0.1:${ctx.settings.ports.hydraPublic}`,
    }),
    ready: `${hydraUrls(ctx).issuer}.well-known/openid-configuration`,
  }),

  appEnv: (ctx) => ({ HYDRA_ADMIN_URL: hydraUrls(ctx).adminUrl }),

  /** What the e2e suite learns: its @hydra tests drive the demo RP and ask Hydra's admin API. */
  testEnv: (ctx) => {
    const { issuer, adminUrl, demoRpUrl } = hydraUrls(ctx);
    return { HYDRA_ADMIN_URL: adminUrl, HYDRA_PUBLIC_URL: issuer, HYDRA_DEMO_RP_URL: demoRpUrl };
  },
};

export default feature;
