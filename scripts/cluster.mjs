// The production-shaped stack ("cluster"): nginx terminating TLS in front of two instances of
// the standalone Next.js server, Kratos (no --dev) on PostgreSQL, a Redis for the rate limits,
// Mailpit as the mail catcher (the test stack runs maildev, so CI exercises both catchers), and
// the local OpenID provider behind the same nginx and TLS.
// Used by `npm run dev -- --cluster` and `npm run test:cluster`.
// A small HTTP control port stops and starts parts of it for the @fault tests.
import { spawn, spawnSync } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import { ensureKratos } from "./kratos-build.mjs";
import { BRAND } from "../brand/brand.mjs";
import { kratosOverlay } from "./kratos-config.mjs";
import { mailCatcherCommand } from "./mail-catcher.mjs";
import {
  LOCAL_OIDC,
  loadSecrets,
  localOidcProviders,
  root,
  run,
  startLocalOidcProvider,
  waitFor,
} from "./stack.mjs";

const bin = (name) => path.join(root, "node_modules", ".bin", name);
const DIST_DIR = ".next-cluster";

const DEFAULT_PORTS = {
  https: 3443,
  appA: 3301,
  appB: 3302,
  kratosPublic: 4733,
  kratosAdmin: 4734,
  smtp: 1325,
  mailWeb: 1380,
  redis: 6391,
  control: 4736,
  oidc: 4755,
  oidcHttps: 4756,
};
const PORT_ENV = {
  https: "CLUSTER_HTTPS_PORT",
  appA: "CLUSTER_APP_A_PORT",
  appB: "CLUSTER_APP_B_PORT",
  kratosPublic: "CLUSTER_KRATOS_PUBLIC_PORT",
  kratosAdmin: "CLUSTER_KRATOS_ADMIN_PORT",
  smtp: "CLUSTER_MAIL_SMTP_PORT",
  mailWeb: "CLUSTER_MAIL_WEB_PORT",
  redis: "CLUSTER_REDIS_PORT",
  control: "CLUSTER_CONTROL_PORT",
  oidc: "CLUSTER_OIDC_PORT",
  oidcHttps: "CLUSTER_OIDC_HTTPS_PORT",
};

export function clusterSettings() {
  const ports = Object.fromEntries(
    Object.entries(DEFAULT_PORTS).map(([k, d]) => [k, Number(process.env[PORT_ENV[k]] || d)]),
  );
  const dataDir = path.join(root, ".data", "cluster");
  return {
    ports,
    appUrl: `https://localhost:${ports.https}`,
    instanceUrls: [ports.appA, ports.appB].map((p) => `http://127.0.0.1:${p}`),
    kratosPublicUrl: `http://127.0.0.1:${ports.kratosPublic}`,
    kratosAdminUrl: `http://127.0.0.1:${ports.kratosAdmin}`,
    mailUrl: `http://127.0.0.1:${ports.mailWeb}`,
    controlUrl: `http://127.0.0.1:${ports.control}`,
    // The local OpenID provider as the browser and Kratos reach it: through nginx, over TLS.
    oidcIssuerUrl: `https://127.0.0.1:${ports.oidcHttps}`,
    dataDir,
    distDir: DIST_DIR,
    standaloneDir: path.join(root, DIST_DIR, "standalone"),
    certFile: path.join(dataDir, "tls", "cert.pem"),
    keyFile: path.join(dataDir, "tls", "key.pem"),
    // The certificate alone, as the folder of CAs Kratos trusts (SSL_CERT_DIR).
    trustDir: path.join(dataDir, "trust"),
  };
}

function findTool(name, envName) {
  if (envName && process.env[envName]) return process.env[envName];
  for (const dir of [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/usr/local/sbin"]) {
    const p = path.join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** The external programs the cluster needs; throws one message naming what is missing. */
function clusterTools() {
  const tools = {
    nginx: findTool("nginx", "NGINX_BIN"),
    openssl: findTool("openssl"),
    redisServer: process.env.REDIS_URL ? undefined : findTool("redis-server", "REDIS_SERVER_BIN"),
    createdb: process.env.DATABASE_URL ? undefined : findTool("createdb"),
    dropdb: process.env.DATABASE_URL ? undefined : findTool("dropdb"),
  };
  const missing = [];
  if (!tools.nginx) missing.push("nginx: install Debian's nginx-light (or set NGINX_BIN)");
  if (!tools.openssl) missing.push("openssl: install Debian's openssl");
  if (!process.env.REDIS_URL && !tools.redisServer)
    missing.push("redis-server: install Debian's redis-server (or set REDIS_URL to your Redis)");
  if (!process.env.DATABASE_URL && !(tools.createdb && tools.dropdb))
    missing.push(
      "createdb/dropdb: install Debian's postgresql-client (or set DATABASE_URL to a PostgreSQL database for Kratos)",
    );
  if (missing.length)
    throw new Error(`the cluster profile needs:\n${missing.map((m) => `  - ${m}`).join("\n")}`);
  return tools;
}

/** PostgreSQL for the throwaway database: the PG* variables, else 127.0.0.1:5432 as postgres. */
export function pgArgs() {
  return [
    "-h",
    process.env.PGHOST || "127.0.0.1",
    "-p",
    process.env.PGPORT || "5432",
    "-U",
    process.env.PGUSER || "postgres",
  ];
}

function pgDsn(db) {
  const user = encodeURIComponent(process.env.PGUSER || "postgres");
  const pass = process.env.PGPASSWORD ? `:${encodeURIComponent(process.env.PGPASSWORD)}` : "";
  return `postgres://${user}${pass}@${process.env.PGHOST || "127.0.0.1"}:${process.env.PGPORT || "5432"}/${db}?sslmode=disable`;
}

function runSync(cmd, args, what) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${what} failed: ${(r.stderr || r.stdout || "").trim()}`);
  return r.stdout;
}

/**
 * `next build` with `output: "standalone"`, then the two folders Next leaves out of the
 * standalone server (public/ and the static chunks) copied in: the result is self-contained.
 */
export async function buildStandalone({ appUrl, log = console.log } = {}) {
  const s = clusterSettings();
  log("[cluster] building the standalone server (next build)…");
  const code = await new Promise((resolve) => {
    const child = spawn(bin("next"), ["build"], {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        NEXT_DIST_DIR: DIST_DIR,
        NEXT_OUTPUT: "standalone",
        APP_URL: appUrl ?? s.appUrl,
      },
    });
    child.on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error("next build failed");
  copyStaticInto(s.standaloneDir, DIST_DIR);
  return s.standaloneDir;
}

function copyStaticInto(standaloneDir, distDir) {
  const staticDir = path.join(root, distDir, "static");
  cpSync(staticDir, path.join(standaloneDir, distDir, "static"), { recursive: true });
  const publicDir = path.join(root, "public");
  if (existsSync(publicDir)) cpSync(publicDir, path.join(standaloneDir, "public"), { recursive: true });
}

/** A self-signed certificate for localhost and 127.0.0.1, and its SPKI pin for Chromium. */
function makeCertificate(openssl, certFile, keyFile) {
  mkdirSync(path.dirname(certFile), { recursive: true });
  runSync(
    openssl,
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "7",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout",
      keyFile,
      "-out",
      certFile,
    ],
    "openssl req (TLS certificate)",
  );
  const cert = new X509Certificate(readFileSync(certFile));
  const spki = cert.publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(spki).digest("base64");
}

/** A file of deploy/ with its {{…}} placeholders filled in; an unknown one is an error. */
function fillTemplate(name, values) {
  const template = readFileSync(path.join(root, "deploy", name), "utf8");
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, k) => {
    if (!(k in values)) throw new Error(`deploy/${name}: unknown placeholder {{${k}}}`);
    return values[k];
  });
}

function nginxConfig({ runtimeDir, listen, certFile, keyFile, upstreams, oidc }) {
  return fillTemplate("nginx.conf.template", {
    RUNTIME_DIR: runtimeDir,
    LISTEN: listen,
    SERVER_NAME: "localhost",
    CERTIFICATE: certFile,
    CERTIFICATE_KEY: keyFile,
    UPSTREAM_SERVERS: upstreams.map((u) => `server ${u} max_fails=0;`).join("\n    "),
    TEST_SERVERS: fillTemplate("nginx.oidc-test.conf.template", {
      LISTEN: oidc.listen,
      SERVER_NAME: "127.0.0.1",
      UPSTREAM: oidc.upstream,
    }),
  });
}

/** GET over https trusting only our certificate; resolves with the status code. */
function httpsStatus(url, ca) {
  return new Promise((resolve) => {
    const req = https.get(url, { ca, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("error", () => resolve(0));
    req.on("timeout", () => req.destroy());
  });
}

function stopChild(child, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    const t = setTimeout(() => kill("SIGKILL"), timeoutMs);
    child.once("exit", () => (clearTimeout(t), resolve()));
    kill("SIGTERM");
  });
}

/** One restartable process: start() spawns it and waits until it answers. */
function service(name, spawnIt, ready) {
  let child;
  return {
    name,
    get child() {
      return child;
    },
    get running() {
      return Boolean(child && child.exitCode === null && child.signalCode === null);
    },
    async start() {
      if (this.running) return;
      child = spawnIt();
      await ready(child);
    },
    async stop() {
      await stopChild(child);
    },
  };
}

/**
 * Starts the cluster from an existing standalone build (see buildStandalone).
 * Options: instances (1 or 2 app instances behind nginx, default 2), bcryptCost (Kratos's
 * password hashing; default Kratos's 12), extraAppEnv, log.
 * Returns { settings, env, instances, pids, database, ca, stop }: `env` is what a test runner needs (BASE_URL,
 * MAIL_API_URL, MAIL_CATCHER, KRATOS_ADMIN_URL, KRATOS_PUBLIC_URL_DIRECT, OIDC_TEST_PROVIDER_URL,
 * CLUSTER_CONTROL_URL, CLUSTER_INSTANCE_URLS, TLS_CERT_SPKI, NODE_EXTRA_CA_CERTS);
 * `instances` are the app instances ({ url, pid() }); `pids()` gives Kratos's, nginx's and Redis's
 * (for the bench's CPU figures); `database` is the throwaway PostgreSQL database (unset with
 * DATABASE_URL); `ca` is the run's certificate.
 */
export async function startCluster({ instances = 2, bcryptCost, extraAppEnv = {}, log = console.log } = {}) {
  const s = clusterSettings();
  const tools = clusterTools();
  if (!existsSync(path.join(s.standaloneDir, "server.js")))
    throw new Error(
      `no standalone build in ${path.relative(root, s.standaloneDir)}: run buildStandalone() first`,
    );
  rmSync(s.dataDir, { recursive: true, force: true });
  mkdirSync(path.join(s.dataDir, "nginx-temp"), { recursive: true });
  const secrets = loadSecrets(s.dataDir);
  const kratosBin = await ensureKratos({ log });
  const logFile = (n) => path.join(s.dataDir, `${n}.log`);

  const cleanups = [];
  const services = [];
  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      for (const svc of [...services].reverse()) await svc.stop();
      for (const c of [...cleanups].reverse()) {
        try {
          await c();
        } catch (err) {
          log(`[cluster] ${err.message}`);
        }
      }
    })());

  try {
    // Kratos's database: DATABASE_URL, or a fresh database on the local server, dropped at stop.
    let dsn = process.env.DATABASE_URL;
    let database;
    if (!dsn) {
      const db = `kratos_cluster_${Date.now()}_${process.pid}`;
      database = db;
      try {
        runSync(tools.createdb, [...pgArgs(), db], "createdb");
      } catch (err) {
        throw new Error(
          `${err.message}\n  PostgreSQL must answer at ${process.env.PGHOST || "127.0.0.1"}:${process.env.PGPORT || "5432"} (PGHOST/PGPORT/PGUSER), or set DATABASE_URL`,
        );
      }
      cleanups.push(async () => runSync(tools.dropdb, [...pgArgs(), "--force", db], "dropdb"));
      dsn = pgDsn(db);
      log(`[cluster] PostgreSQL database ${db} created (dropped at stop)`);
    }

    const spki = makeCertificate(tools.openssl, s.certFile, s.keyFile);
    const ca = readFileSync(s.certFile);
    mkdirSync(s.trustDir, { recursive: true });
    copyFileSync(s.certFile, path.join(s.trustDir, "cert.pem"));

    // The overlay holds addresses and the brand; the DSN, secrets and SMTP URI reach Kratos by env,
    // as a deployment passes them.
    const overlay = kratosOverlay({
      appUrl: s.appUrl,
      publicPort: s.ports.kratosPublic,
      adminPort: s.ports.kratosAdmin,
      smtpPort: s.ports.smtp,
      dataDir: s.dataDir,
      schemaPath: path.join(root, "kratos", "identity.schema.json"),
      secrets,
      bcryptCost,
      oidcProviders: localOidcProviders(s.oidcIssuerUrl, secrets),
      // UI_KIT=elements: the flows' ui_urls point at the Ory Elements pages (the app reads it too).
      uiKit: process.env.UI_KIT?.trim().toLowerCase() === "elements" ? "elements" : "ui",
      brand: BRAND,
    });
    delete overlay.dsn;
    delete overlay.secrets;
    delete overlay.courier.smtp.connection_uri;
    const overlayFile = path.join(s.dataDir, "kratos.overlay.yml");
    writeFileSync(overlayFile, JSON.stringify(overlay, null, 2));
    const kratosArgs = ["-c", path.join(root, "kratos", "kratos.yml"), "-c", overlayFile];
    const kratosEnv = {
      DSN: dsn,
      SECRETS_COOKIE: secrets.kratosCookie,
      SECRETS_CIPHER: secrets.kratosCipher,
      SECRETS_DEFAULT: secrets.kratosDefault,
      COURIER_SMTP_CONNECTION_URI: `smtp://127.0.0.1:${s.ports.smtp}/?disable_starttls=true`,
      // Kratos fetches the OpenID provider's discovery, keys and tokens over https through nginx:
      // Go's default roots are the system's files plus this folder's certificate (its HTTP
      // client sets no roots of its own, ory/x httpx/ssrf.go newDefaultTransport).
      SSL_CERT_DIR: s.trustDir,
    };
    log("[cluster] migrating Kratos's PostgreSQL database…");
    const migrate = run(kratosBin, ["migrate", "sql", "-e", "--yes", ...kratosArgs], {
      env: kratosEnv,
      logFile: logFile("kratos"),
    });
    const migrated = await new Promise((resolve) => migrate.on("exit", resolve));
    if (migrated !== 0) throw new Error(`kratos migrate exited with ${migrated}`);

    const kratos = service(
      "kratos",
      () =>
        run(kratosBin, ["serve", ...kratosArgs, "--watch-courier"], {
          env: kratosEnv,
          logFile: logFile("kratos"),
        }),
      (child) => waitFor("Kratos", `${s.kratosPublicUrl}/health/ready`, { child, log }),
    );
    services.push(kratos);
    log(
      `[cluster] starting Kratos (PostgreSQL, no --dev) on :${s.ports.kratosPublic} / :${s.ports.kratosAdmin}…`,
    );
    await kratos.start();

    const catcher = await mailCatcherCommand("mailpit", {
      root,
      smtpPort: s.ports.smtp,
      webPort: s.ports.mailWeb,
      dataDir: s.dataDir,
      log,
    });
    const mail = service(
      "mailpit",
      () => run(catcher.cmd, catcher.args, { logFile: logFile("mailpit") }),
      (child) => waitFor("mailpit", `${s.mailUrl}${catcher.readyPath}`, { child, log }),
    );
    services.push(mail);
    await mail.start();

    let redisUrl = process.env.REDIS_URL;
    let redis;
    if (!redisUrl) {
      redisUrl = `redis://127.0.0.1:${s.ports.redis}`;
      redis = service(
        "redis",
        () =>
          run(
            tools.redisServer,
            ["--port", String(s.ports.redis), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            { logFile: logFile("redis") },
          ),
        (child) => waitForPort("Redis", s.ports.redis, child),
      );
      services.push(redis);
      log(`[cluster] starting Redis on 127.0.0.1:${s.ports.redis}…`);
      await redis.start();
    }

    const appEnv = {
      ...extraAppEnv,
      NODE_ENV: "production",
      HOSTNAME: "127.0.0.1",
      APP_URL: s.appUrl,
      KRATOS_PUBLIC_URL: s.kratosPublicUrl,
      KRATOS_ADMIN_URL: s.kratosAdminUrl,
      SESSION_SECRET: process.env.SESSION_SECRET || secrets.session,
      REDIS_URL: redisUrl,
      TRUST_PROXY: "true",
      // As the SQLite stacks (scripts/stack.mjs appEnv): the provider's page is a form-action
      // target, and it stands in for a provider that hosts its users' mailboxes.
      OIDC_PROVIDER_ORIGINS: new URL(s.oidcIssuerUrl).origin,
      OIDC_MAILBOX_PROVIDERS: LOCAL_OIDC.mailboxProviders.join(","),
    };
    const appPorts = [s.ports.appA, s.ports.appB].slice(0, instances);
    const apps = appPorts.map((port, i) =>
      service(
        `app ${"AB"[i]}`,
        () =>
          run(process.execPath, [path.join(s.standaloneDir, "server.js")], {
            cwd: s.standaloneDir,
            env: { ...appEnv, PORT: String(port) },
            logFile: logFile(`app-${"ab"[i]}`),
          }),
        (child) => waitFor(`app ${"AB"[i]}`, `http://127.0.0.1:${port}/api/ready`, { child, log }),
      ),
    );
    services.push(...apps);
    log(`[cluster] starting ${apps.length} app instance(s) on ${appPorts.map((p) => `:${p}`).join(", ")}…`);
    await Promise.all(apps.map((a) => a.start()));

    log(
      `[cluster] starting the local OpenID provider on 127.0.0.1:${s.ports.oidc} (${s.oidcIssuerUrl} through nginx)…`,
    );
    const oidc = await startLocalOidcProvider(s.ports.oidc, s.appUrl, secrets, {
      publicUrl: s.oidcIssuerUrl,
      logFile: path.join(s.dataDir, "oidc.log"),
      log,
    });
    cleanups.push(oidc.close);

    const nginxConf = path.join(s.dataDir, "nginx.conf");
    writeFileSync(
      nginxConf,
      nginxConfig({
        runtimeDir: s.dataDir,
        listen: `127.0.0.1:${s.ports.https}`,
        certFile: s.certFile,
        keyFile: s.keyFile,
        upstreams: appPorts.map((p) => `127.0.0.1:${p}`),
        oidc: { listen: `127.0.0.1:${s.ports.oidcHttps}`, upstream: `127.0.0.1:${s.ports.oidc}` },
      }),
    );
    runSync(
      tools.nginx,
      ["-t", "-q", "-p", s.dataDir, "-c", nginxConf, "-e", logFile("nginx-error")],
      "nginx -t",
    );
    const nginx = service(
      "nginx",
      () =>
        run(
          tools.nginx,
          ["-p", s.dataDir, "-c", nginxConf, "-e", logFile("nginx-error"), "-g", "daemon off;"],
          {
            logFile: logFile("nginx"),
          },
        ),
      async (child) => {
        const started = Date.now();
        const ready = async () =>
          (await httpsStatus(`${s.appUrl}/api/ready`, ca)) === 200 &&
          (await httpsStatus(`${s.oidcIssuerUrl}/.well-known/openid-configuration`, ca)) === 200;
        while (!(await ready())) {
          if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}`);
          if (Date.now() - started > 30_000) throw new Error(`nginx did not answer at ${s.appUrl}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      },
    );
    services.push(nginx);
    log(`[cluster] starting nginx (TLS) on ${s.appUrl}…`);
    await nginx.start();

    const control = await startControl(s.ports.control, { apps, kratos, redis });
    cleanups.push(control.close);

    const env = {
      BASE_URL: s.appUrl,
      MAIL_API_URL: s.mailUrl,
      MAIL_CATCHER: "mailpit",
      // Kratos on loopback, never through nginx: the admin API for the suite's checks of
      // identities, and the public API for the test of what a directly exposed Kratos allows.
      KRATOS_ADMIN_URL: s.kratosAdminUrl,
      KRATOS_PUBLIC_URL_DIRECT: s.kratosPublicUrl,
      OIDC_TEST_PROVIDER_URL: s.oidcIssuerUrl,
      CLUSTER_CONTROL_URL: s.controlUrl,
      CLUSTER_INSTANCE_URLS: appPorts.map((p) => `http://127.0.0.1:${p}`).join(","),
      TLS_CERT_SPKI: spki,
      NODE_EXTRA_CA_CERTS: s.certFile,
    };
    return {
      settings: s,
      env,
      instances: apps.map((a, i) => ({ url: `http://127.0.0.1:${appPorts[i]}`, pid: () => a.child?.pid })),
      pids: () => ({ kratos: kratos.child?.pid, nginx: nginx.child?.pid, redis: redis?.child?.pid }),
      database,
      ca,
      stop,
    };
  } catch (err) {
    log(`\n[cluster] ${err.message}`);
    for (const n of ["kratos", "mailpit", "redis", "app-a", "app-b", "nginx-error"]) {
      const f = logFile(n);
      if (existsSync(f))
        log(
          `\n--- last lines of ${path.relative(root, f)} ---\n${readFileSync(f, "utf8").split("\n").slice(-30).join("\n")}`,
        );
    }
    await stop();
    throw err;
  }
}

async function waitForPort(name, port, child) {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    const up = await new Promise((resolve) => {
      const sock = net.connect(port, "127.0.0.1");
      sock.once("connect", () => (sock.destroy(), resolve(true)));
      sock.once("error", () => resolve(false));
    });
    if (up) return;
    if (Date.now() - started > 30_000) throw new Error(`${name} did not listen on :${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The fault control port (loopback only): POST /app/<0|1>/<stop|start>, /kratos/<stop|start>,
 * /redis/<stop|start>. Each answers when the change is done (a start, when the part is ready).
 */
function startControl(port, { apps, kratos, redis }) {
  const server = http.createServer(async (req, res) => {
    const m = /^\/(app\/(\d)|kratos|redis)\/(stop|start)$/.exec(req.url ?? "");
    const svc = !m ? undefined : m[2] !== undefined ? apps[Number(m[2])] : m[1] === "kratos" ? kratos : redis;
    if (req.method !== "POST" || !svc) {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ error: "unknown part" }));
      return;
    }
    try {
      await (m[3] === "stop" ? svc.stop() : svc.start());
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ [svc.name]: m[3] }));
    } catch (err) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(err) }));
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () =>
      resolve({ close: () => new Promise((done) => server.close(() => done())) }),
    );
  });
}
