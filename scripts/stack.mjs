// The one orchestrator: starts a profile of scripts/profiles.mjs with the selected features and
// stops it. dev, test and bench: Kratos on SQLite (migrated first), a mail catcher, the features'
// services and the app (`next dev` or a built app; the test stack puts a fault relay before
// Kratos public). cluster, the production shape: Kratos (no --dev) on a throwaway PostgreSQL
// database, Mailpit, Redis, two standalone instances behind nginx with TLS (the features'
// services behind it too) and a control port for the @fault tests.
// Used by `npm run dev` (scripts/dev.mjs), `npm test` (scripts/test.mjs) and the bench (bench/).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  buildStandalone,
  checkNginx,
  clusterTools,
  controlPort,
  database,
  fillTemplate,
  makeCertificate,
  nginxConfig,
} from "./cluster.mjs";
import { startFaultRelay } from "./fault-relay.mjs";
import { ensureKratos } from "./kratos-build.mjs";
import { BRAND } from "../brand/brand.mjs";
import { kratosOverlay } from "./kratos-config.mjs";
import { mailCatcherCommand } from "./mail-catcher.mjs";
import {
  featureModules,
  loadSecrets,
  loginStyleOf,
  mergeConfig,
  PROFILES,
  stackChoices,
  stackSettings,
} from "./profiles.mjs";
import { bin, partsGroup, root, runToEnd, service } from "./service.mjs";

export { bin, buildStandalone, root, stackChoices, stackSettings };

/**
 * Starts a profile. Options: fresh (a new data folder; the profile's default), bcryptCost
 * (Kratos's password hashing cost; the profile's default), instances (cluster: 1 or 2),
 * extraAppEnv, choices (stackChoices(), read from the environment when not given), log.
 * Returns { settings, secrets, features, appEnv, env, processes: { kratos, mail, app }, instances,
 * pids(), database, ca, banner, stop }: `env` is what a test runner needs to reach the stack,
 * `appEnv` what the app was started with, `banner` the lines `npm run dev` prints.
 */
export async function startStack(
  profile,
  { fresh, bcryptCost, instances = 2, extraAppEnv = {}, choices = stackChoices(), log = console.log } = {},
) {
  const p = PROFILES[profile];
  const cluster = p.app === "standalone";
  const features = await featureModules(choices.features);
  const s = stackSettings(profile, features);
  if (fresh ?? p.fresh) rmSync(s.dataDir, { recursive: true, force: true });
  mkdirSync(cluster ? path.join(s.dataDir, "nginx-temp") : s.dataDir, { recursive: true });
  const secrets = loadSecrets(s.dataDir, features);
  const tools = cluster ? clusterTools() : undefined;
  if (cluster && !existsSync(path.join(root, s.distDir, "standalone", "server.js")))
    throw new Error(`no standalone build in ${s.distDir}/standalone: run buildStandalone() first`);
  const kratosBin = await ensureKratos({ log });
  const logFile = (name) => path.join(s.dataDir, `${name}.log`);
  const ctx = { profile, settings: s, secrets, uiKit: choices.uiKit, tls: cluster, log };
  const group = partsGroup(log);

  try {
    // The TLS certificate and the database come first: Kratos's config and env name them.
    const tls = cluster ? clusterTls(tools, s) : undefined;
    const db = cluster ? await group.add(database(tools, log)) : undefined;
    if (cluster) {
      ctx.certFile = tls.certFile;
      // A feature's own database, beside Kratos's: <NAME>_DATABASE_URL, or a throwaway one.
      ctx.database = async (name) =>
        (
          await group.add(
            database(tools, log, { prefix: name, dsn: process.env[`${name.toUpperCase()}_DATABASE_URL`] }),
          )
        ).dsn;
    }

    let overlay = kratosOverlay({
      appUrl: s.appUrl,
      publicPort: s.ports.kratosPublic,
      adminPort: s.ports.kratosAdmin,
      smtpPort: s.ports.smtp,
      dataDir: s.dataDir,
      schemaPath: path.join(root, "kratos", "identity.schema.json"),
      secrets,
      bcryptCost: bcryptCost ?? p.bcryptCost,
      brand: BRAND,
      loginStyle: loginStyleOf(profile, choices),
    });
    for (const f of features) overlay = mergeConfig(overlay, f.kratos?.(ctx));
    let kratosEnv = {};
    if (cluster) {
      // The overlay holds addresses and the brand; the DSN, secrets and SMTP URI reach Kratos by
      // env, as a deployment passes them.
      delete overlay.dsn;
      delete overlay.secrets;
      delete overlay.courier.smtp.connection_uri;
      kratosEnv = {
        DSN: db.dsn,
        SECRETS_COOKIE: secrets.kratosCookie,
        SECRETS_CIPHER: secrets.kratosCipher,
        SECRETS_DEFAULT: secrets.kratosDefault,
        COURIER_SMTP_CONNECTION_URI: `smtp://127.0.0.1:${s.ports.smtp}/?disable_starttls=true`,
        // Kratos fetches a feature's provider (discovery, keys, tokens) over https through nginx:
        // Go's default roots are the system's files plus this folder's certificate (its HTTP
        // client sets no roots of its own, ory/x httpx/ssrf.go newDefaultTransport).
        SSL_CERT_DIR: tls.trustDir,
      };
    }
    // JSON is valid YAML, and Kratos picks the parser by extension.
    const overlayFile = path.join(s.dataDir, "kratos.overlay.yml");
    writeFileSync(overlayFile, JSON.stringify(overlay, null, 2));
    const kratosArgs = ["-c", path.join(root, "kratos", "kratos.yml"), "-c", overlayFile];

    // A feature's own steps before anything starts (a build, its database's migration).
    for (const f of features) await f.prepare?.(ctx);

    log(`[stack] migrating Kratos's ${cluster ? "PostgreSQL database" : "SQLite database"}…`);
    group.log(logFile("kratos"));
    await runToEnd("kratos migrate", kratosBin, ["migrate", "sql", "-e", "--yes", ...kratosArgs], {
      env: kratosEnv,
      logFile: logFile("kratos"),
    });

    const mailCatcher = p.mailCatcher ?? choices.mailCatcher;
    const catcher = await mailCatcherCommand(mailCatcher, {
      root,
      smtpPort: s.ports.smtp,
      webPort: s.ports.mailWeb,
      dataDir: s.dataDir,
      log,
    });
    const kratos = service(
      {
        name: "kratos",
        cmd: kratosBin,
        args: ["serve", ...kratosArgs, ...(cluster ? [] : ["--dev"]), "--watch-courier"],
        env: kratosEnv,
        logFile: logFile("kratos"),
        ready: { url: `${s.kratosPublicUrl}/health/ready` },
      },
      log,
    );
    const mail = service(
      {
        name: mailCatcher,
        ...catcher,
        logFile: logFile(mailCatcher),
        ready: { url: `${s.mailUrl}${catcher.readyPath}` },
      },
      log,
    );
    let redisUrl = cluster ? process.env.REDIS_URL : undefined;
    const redis =
      cluster && !redisUrl
        ? service(
            {
              name: "redis",
              cmd: tools.redisServer,
              args: [
                "--port",
                String(s.ports.redis),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
              ],
              logFile: logFile("redis"),
              ready: { port: s.ports.redis },
            },
            log,
          )
        : undefined;
    if (redis) redisUrl = `redis://127.0.0.1:${s.ports.redis}`;
    const featureServices = features.map((f) => f.services?.(ctx) ?? []);
    log(
      `[stack] starting Kratos (:${s.ports.kratosPublic} public, :${s.ports.kratosAdmin} admin), ` +
        `${mailCatcher} (${s.mailUrl})${redis ? `, Redis (:${s.ports.redis})` : ""}` +
        featureServices
          .flat()
          .map((f) => `, ${f.name}`)
          .join("") +
        "…",
    );
    // A feature's services start one after another (the next may need the one before), beside
    // the core's and the other features'.
    await Promise.all([
      ...[kratos, mail, redis].filter(Boolean).map((part) => group.add(part)),
      ...featureServices.map(async (specs) => {
        for (const spec of specs) await group.add(service(spec, log));
      }),
    ]);
    if (s.ports.faultRelay) {
      const relay = { name: "fault relay", stop: async () => {} };
      relay.start = async () => {
        relay.stop = (
          await startFaultRelay({
            listenPort: s.ports.faultRelay,
            targetPort: s.ports.kratosPublic,
            controlPort: s.ports.faultControl,
          })
        ).close;
      };
      await group.add(relay);
    }

    const featureEnv = Object.assign({}, ...features.map((f) => f.appEnv?.(ctx)));
    const appEnv = {
      ...p.appEnv,
      ...featureEnv,
      ...extraAppEnv,
      APP_URL: s.appUrl,
      KRATOS_PUBLIC_URL: s.appKratosPublicUrl,
      KRATOS_ADMIN_URL: s.kratosAdminUrl,
      SESSION_SECRET: process.env.SESSION_SECRET || secrets.session,
      REDIS_URL: redisUrl,
      // The app serves exactly the features the stack started (their routes, UI and settings).
      FEATURES: choices.features.join(",") || "none",
      // The standalone server has its build inside; the others find theirs here.
      NEXT_DIST_DIR: cluster ? undefined : s.distDir,
    };
    for (const k of Object.keys(appEnv)) if (appEnv[k] === undefined) delete appEnv[k];
    const apps = appServices(p.app, s, appEnv, instances, logFile, log);
    log(`[stack] starting the app (${apps.map((a) => a.name).join(", ")}) on ${s.appUrl}…`);
    await Promise.all(apps.map((a) => group.add(a)));

    let nginx;
    if (cluster) {
      const fronts = features.map((f) => f.nginx?.(ctx, fillTemplate)).filter(Boolean);
      const conf = path.join(s.dataDir, "nginx.conf");
      writeFileSync(
        conf,
        nginxConfig({
          runtimeDir: s.dataDir,
          listen: `127.0.0.1:${s.ports.https}`,
          certFile: tls.certFile,
          keyFile: tls.keyFile,
          upstreams: apps.map((_, i) => `127.0.0.1:${[s.ports.appA, s.ports.appB][i]}`),
          testServers: fronts.map((f) => f.servers).join("\n"),
        }),
      );
      const nginxArgs = ["-p", s.dataDir, "-c", conf, "-e", logFile("nginx-error")];
      group.log(logFile("nginx-error"));
      checkNginx(tools.nginx, nginxArgs);
      log(`[stack] starting nginx (TLS) on ${s.appUrl}…`);
      nginx = await group.add(
        service(
          {
            name: "nginx",
            cmd: tools.nginx,
            args: [...nginxArgs, "-g", "daemon off;"],
            logFile: logFile("nginx"),
            ready: [`${s.appUrl}/api/ready`, ...fronts.map((f) => f.ready)].map((url) => ({
              url,
              ca: tls.ca,
            })),
            timeoutMs: 30_000,
          },
          log,
        ),
      );
      await group.add(controlPort(s.ports.control, { apps, kratos, redis }));
    }

    const testEnv = {
      BASE_URL: s.appUrl,
      MAIL_API_URL: s.mailUrl,
      MAIL_CATCHER: mailCatcher,
      // Kratos on loopback, never through the app or nginx: the admin API for the suite's checks
      // of identities, and the public API for the test of what a directly exposed Kratos allows.
      KRATOS_ADMIN_URL: s.kratosAdminUrl,
      KRATOS_PUBLIC_URL_DIRECT: s.kratosPublicUrl,
      FAULT_CONTROL_URL: s.faultControlUrl,
      CLUSTER_CONTROL_URL: s.controlUrl,
      CLUSTER_INSTANCE_URLS: cluster ? s.instanceUrls.slice(0, apps.length).join(",") : undefined,
      TLS_CERT_SPKI: tls?.spki,
      NODE_EXTRA_CA_CERTS: tls?.certFile,
      // The suite skips the tests of a feature that is off, and says so.
      FEATURES: choices.features.join(",") || "none",
      UI_KIT: choices.uiKit,
      // Sign-in helpers follow whatever Kratos renders; tests of one style's own behaviour skip the other.
      LOGIN_STYLE: loginStyleOf(profile, choices),
      ...Object.assign({}, ...features.map((f) => f.testEnv?.(ctx))),
    };
    return {
      settings: s,
      secrets,
      features: choices.features,
      appEnv,
      env: Object.fromEntries(Object.entries(testEnv).filter(([, v]) => v !== undefined)),
      processes: { kratos: kratos.child, mail: mail.child, app: apps[0].child },
      instances: apps.map((a, i) => ({ url: s.instanceUrls[i], pid: () => a.child?.pid })),
      pids: () => ({ kratos: kratos.child?.pid, nginx: nginx?.child?.pid, redis: redis?.child?.pid }),
      database: db?.name,
      ca: tls?.ca,
      banner: featureServices
        .flat()
        .map((f) => f.banner)
        .filter(Boolean),
      stop: group.stop,
    };
  } catch (err) {
    return group.fail(err);
  }
}

/** The run's certificate, and a folder holding only it (the CAs Kratos trusts, SSL_CERT_DIR). */
function clusterTls(tools, s) {
  const certFile = path.join(s.dataDir, "tls", "cert.pem");
  const keyFile = path.join(s.dataDir, "tls", "key.pem");
  const spki = makeCertificate(tools.openssl, certFile, keyFile);
  const trustDir = path.join(s.dataDir, "trust");
  mkdirSync(trustDir, { recursive: true });
  copyFileSync(certFile, path.join(trustDir, "cert.pem"));
  return { certFile, keyFile, spki, trustDir, ca: readFileSync(certFile) };
}

/** The app's processes: `next dev`, `next start`, or standalone instances (A and B). */
function appServices(mode, s, appEnv, instances, logFile, log) {
  if (mode === "standalone") {
    const dir = path.join(root, s.distDir, "standalone");
    return [s.ports.appA, s.ports.appB].slice(0, instances).map((port, i) =>
      service(
        {
          name: `app ${"AB"[i]}`,
          cmd: process.execPath,
          args: [path.join(dir, "server.js")],
          cwd: dir,
          env: { ...appEnv, PORT: String(port) },
          logFile: logFile(`app-${"ab"[i]}`),
          ready: { url: `http://127.0.0.1:${port}/api/ready` },
        },
        log,
      ),
    );
  }
  const dev = mode === "dev";
  return [
    service(
      {
        name: `next ${mode}`,
        cmd: bin("next"),
        // "localhost" for dev, so that Next's own banner shows the same URL as ours (still loopback only).
        args: [mode, "-p", String(s.ports.app), "-H", dev ? "localhost" : "127.0.0.1"],
        env: appEnv,
        // next dev talks to the terminal; a built app's output goes to its log.
        inherit: dev,
        logFile: dev ? undefined : logFile("app"),
        ready: { url: `${s.appUrl}/api/ready` },
        timeoutMs: 180_000,
      },
      log,
    ),
  ];
}
