// Starts and stops the local stack: Kratos (migrated first), a mail catcher (maildev, or
// Mailpit with `mailCatcher: "mailpit"`), a local OpenID provider and the Next.js app.
// Used by `npm run dev` (scripts/dev.mjs) and `npm test` (scripts/test.mjs).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureKratos } from "./kratos-build.mjs";
import { kratosOverlay } from "./kratos-config.mjs";
import { startFaultRelay } from "./fault-relay.mjs";
import { mailCatcherCommand } from "./mail-catcher.mjs";
import { selectFeatures } from "../features/selection.mjs";
import { startHydra } from "../features/hydra/stack.mjs"; // hydra feature

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const DEFAULT_PORTS = {
  dev: { app: 3000, kratosPublic: 4433, kratosAdmin: 4434, smtp: 1025, mailWeb: 1080, oidc: 4455 },
  bench: { app: 3200, kratosPublic: 4633, kratosAdmin: 4634, smtp: 1225, mailWeb: 1280, oidc: 4655 },
  test: {
    app: 3100,
    kratosPublic: 4533,
    kratosAdmin: 4534,
    smtp: 1125,
    mailWeb: 1180,
    faultRelay: 4535,
    faultControl: 4536,
    oidc: 4555,
  },
};

function port(envName, fallback) {
  const v = process.env[envName];
  return v ? Number(v) : fallback;
}

export function stackSettings(kind) {
  const d = DEFAULT_PORTS[kind];
  const prefix = kind === "dev" ? "" : `${kind.toUpperCase()}_`;
  const ports = {
    app: port(`${prefix}APP_PORT`, d.app),
    kratosPublic: port(`${prefix}KRATOS_PUBLIC_PORT`, d.kratosPublic),
    kratosAdmin: port(`${prefix}KRATOS_ADMIN_PORT`, d.kratosAdmin),
    smtp: port(`${prefix}MAIL_SMTP_PORT`, d.smtp),
    mailWeb: port(`${prefix}MAIL_WEB_PORT`, d.mailWeb),
    faultRelay: d.faultRelay && port(`${prefix}FAULT_RELAY_PORT`, d.faultRelay),
    faultControl: d.faultControl && port(`${prefix}FAULT_CONTROL_PORT`, d.faultControl),
    oidc: port(`${prefix}OIDC_PORT`, d.oidc),
  };
  return {
    kind,
    ports,
    appUrl: `http://localhost:${ports.app}`,
    mailUrl: `http://127.0.0.1:${ports.mailWeb}`,
    kratosPublicUrl: `http://127.0.0.1:${ports.kratosPublic}`,
    // The test stack puts a fault relay between the app and Kratos public (resilience tests).
    appKratosPublicUrl: `http://127.0.0.1:${ports.faultRelay || ports.kratosPublic}`,
    faultControlUrl: ports.faultControl ? `http://127.0.0.1:${ports.faultControl}` : undefined,
    kratosAdminUrl: `http://127.0.0.1:${ports.kratosAdmin}`,
    oidcIssuerUrl: `http://127.0.0.1:${ports.oidc}`,
    dataDir: path.join(root, ".data", kind),
  };
}

// Dev secrets are generated once per data folder (a folder from before a secret existed gets
// it added); real deployments pass their own by env.
export function loadSecrets(dataDir) {
  const file = path.join(dataDir, "secrets.json");
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const hex = (n) => randomBytes(n).toString("hex");
  const fresh = {
    kratosCookie: hex(32),
    kratosCipher: hex(16),
    kratosDefault: hex(32),
    session: hex(32),
    oidcClientSecret: hex(32),
    oidcCookie: hex(32),
  };
  const secrets = { ...fresh, ...stored };
  if (Object.keys(secrets).length !== Object.keys(stored).length)
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * The local OpenID provider appears to Kratos as two providers (one client, two callback URLs),
 * so that both rows of the factor policy can be tried: "local" stands for a provider that also
 * hosts its users' mailboxes (like Google or Microsoft; listed in OIDC_MAILBOX_PROVIDERS), and
 * "local-sso" for one that does not (like GitHub or a company's single sign-on).
 */
export const LOCAL_OIDC = {
  clientId: "kratos-bff-reference",
  providers: [
    { id: "local", label: "Local Mail" },
    { id: "local-sso", label: "Local SSO" },
  ],
  mailboxProviders: ["local"],
};

/** Kratos's callback for a provider: its public base URL (the app's BFF prefix) + the method's path. */
export const oidcRedirectUri = (appUrl, providerId) =>
  `${new URL(appUrl).origin}/api/kratos/self-service/methods/oidc/callback/${providerId}`;

/** The Kratos overlay's `oidcProviders` option for the local provider. */
export function localOidcProviders(issuerUrl, secrets) {
  return LOCAL_OIDC.providers.map((p) => ({
    ...p,
    issuerUrl,
    clientId: LOCAL_OIDC.clientId,
    clientSecret: secrets.oidcClientSecret,
    mapperPath: path.join(root, "kratos", "oidc.local.jsonnet"),
  }));
}

/**
 * Starts the local OpenID provider (scripts/oidc-provider.mjs) for an app at `appUrl`, as a
 * process of its own whose output goes to `logFile`. `publicUrl` is its address behind a TLS
 * proxy (the cluster), when it has one. Returns { issuer, child, close }.
 */
export async function startLocalOidcProvider(
  oidcPort,
  appUrl,
  secrets,
  { publicUrl, logFile, log = console.log },
) {
  const settings = {
    port: oidcPort,
    clientId: LOCAL_OIDC.clientId,
    clientSecret: secrets.oidcClientSecret,
    cookieKey: secrets.oidcCookie,
    redirectUris: LOCAL_OIDC.providers.map((p) => oidcRedirectUri(appUrl, p.id)),
    publicUrl,
  };
  const child = run(
    process.execPath,
    [path.join(root, "scripts", "oidc-provider.mjs"), JSON.stringify(settings)],
    {
      logFile,
    },
  );
  const close = () => stopProcess(child);
  try {
    // Its own port, not publicUrl: a proxy in front of it may not be up yet.
    await waitFor("the OpenID provider", `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`, {
      child,
      log,
    });
  } catch (err) {
    await close();
    throw err;
  }
  return { issuer: publicUrl ?? `http://127.0.0.1:${oidcPort}`, child, close };
}

/** Stops a process started by run() (the leader of its group): SIGTERM, SIGKILL after 5 s. */
export function stopProcess(c) {
  return new Promise((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) return resolve();
    const t = setTimeout(() => {
      try {
        process.kill(-c.pid, "SIGKILL");
      } catch {
        // already gone
      }
      resolve();
    }, 5000);
    c.on("exit", () => {
      clearTimeout(t);
      resolve();
    });
    try {
      process.kill(-c.pid, "SIGTERM");
    } catch {
      // already gone
    }
  });
}

export async function waitFor(name, url, { timeoutMs = 120_000, child, log }) {
  const started = Date.now();
  let lastNote = started;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`${name} was not ready at ${url} after ${timeoutMs / 1000}s`);
    if (Date.now() - lastNote > 15_000) {
      log(`[stack] waiting for ${name}… ${Math.round((Date.now() - started) / 1000)}s`);
      lastNote = Date.now();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function run(cmd, args, { cwd = root, env, logFile, inherit = false }) {
  const out = logFile ? createWriteStream(logFile, { flags: "a" }) : null;
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: inherit ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  if (out) {
    // Both streams go to one file: it is closed when the process is gone, not when the first
    // of them ends (a line on stderr after stdout closed would be a write after end).
    child.stdout?.pipe(out, { end: false });
    child.stderr?.pipe(out, { end: false });
    child.on("close", () => out.end());
  }
  return child;
}

function runToEnd(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = run(cmd, args, opts);
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args[0]} exited with ${code}`)),
    );
  });
}

function tail(file, lines = 40) {
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

/** Environment the Next.js app needs to reach this stack. */
export function appEnv(s, secrets) {
  return {
    APP_URL: s.appUrl,
    KRATOS_PUBLIC_URL: s.appKratosPublicUrl,
    KRATOS_ADMIN_URL: s.kratosAdminUrl,
    SESSION_SECRET: process.env.SESSION_SECRET || secrets.session,
    // The provider's sign-in page is a form-action target (Kratos redirects a form post there).
    OIDC_PROVIDER_ORIGINS: new URL(s.oidcIssuerUrl).origin,
    // The local provider stands in for one that hosts its users' mailboxes (docs/security.md, the factor policy).
    OIDC_MAILBOX_PROVIDERS: LOCAL_OIDC.mailboxProviders.join(","),
  };
}

/**
 * Starts Kratos + the mail catcher + the app. `app` is "dev" (next dev) or "start" (a built app);
 * `mailCatcher` is "maildev" (default) or "mailpit"; `bcryptCost` is Kratos's password hashing cost
 * (default 4, Kratos's own 12 for the dev stack).
 * Returns { settings, secrets, stop, children, processes: { kratos, mail, app } } (child processes,
 * each the leader of its process group). Logs of Kratos and the mail catcher go to the data folder.
 */
export async function startStack(
  kind,
  { app, fresh = false, log = console.log, extraAppEnv = {}, mailCatcher = "maildev", bcryptCost },
) {
  const s = stackSettings(kind);
  if (fresh) rmSync(s.dataDir, { recursive: true, force: true });
  mkdirSync(s.dataDir, { recursive: true });
  const secrets = loadSecrets(s.dataDir);
  const kratosBin = await ensureKratos({ log });

  const overlayFile = path.join(s.dataDir, "kratos.overlay.yml");
  const overlay = kratosOverlay({
    appUrl: s.appUrl,
    publicPort: s.ports.kratosPublic,
    adminPort: s.ports.kratosAdmin,
    smtpPort: s.ports.smtp,
    dataDir: s.dataDir,
    schemaPath: path.join(root, "kratos", "identity.schema.json"),
    secrets,
    oidcProviders: localOidcProviders(s.oidcIssuerUrl, secrets),
    // Password hashing speed is not under test; keep the suite fast on 2 cores (the bench
    // also measures a sign-in at Kratos's production cost, 12).
    bcryptCost: bcryptCost ?? (kind === "dev" ? undefined : 4),
    // UI_KIT=elements: the flows' ui_urls point at the Ory Elements pages (the app reads it too).
    uiKit: process.env.UI_KIT?.trim().toLowerCase() === "elements" ? "elements" : "ui",
  });
  // JSON is valid YAML, and Kratos picks the parser by extension.
  writeFileSync(overlayFile, JSON.stringify(overlay, null, 2));
  const kratosArgs = ["-c", path.join(root, "kratos", "kratos.yml"), "-c", overlayFile];
  const kratosLog = path.join(s.dataDir, "kratos.log");
  const mailLog = path.join(s.dataDir, `${mailCatcher}.log`);
  const appLog = path.join(s.dataDir, "app.log");
  const oidcLog = path.join(s.dataDir, "oidc.log");

  const children = [];
  const closers = [];
  let hydra; // hydra feature
  const stop = async () => {
    for (const close of closers) await close();
    await Promise.all(children.reverse().map(stopProcess));
  };

  try {
    log(`[stack] migrating Kratos database (${path.relative(root, s.dataDir)}/kratos.sqlite)…`);
    await runToEnd(kratosBin, ["migrate", "sql", "-e", "--yes", ...kratosArgs], { logFile: kratosLog });

    log(
      `[stack] starting Kratos on 127.0.0.1:${s.ports.kratosPublic} (public) and :${s.ports.kratosAdmin} (admin)…`,
    );
    const kratos = run(kratosBin, ["serve", ...kratosArgs, "--dev", "--watch-courier"], {
      logFile: kratosLog,
    });
    children.push(kratos);

    const catcher = await mailCatcherCommand(mailCatcher, {
      root,
      smtpPort: s.ports.smtp,
      webPort: s.ports.mailWeb,
      dataDir: s.dataDir,
      log,
    });
    log(`[stack] starting ${mailCatcher} (SMTP :${s.ports.smtp}, web ${s.mailUrl})…`);
    const mail = run(catcher.cmd, catcher.args, { logFile: mailLog });
    children.push(mail);

    log(`[stack] starting the local OpenID provider on ${s.oidcIssuerUrl}…`);
    const oidc = await startLocalOidcProvider(s.ports.oidc, s.appUrl, secrets, { logFile: oidcLog, log });
    closers.push(oidc.close);

    await waitFor("Kratos", `${s.kratosPublicUrl}/health/ready`, { child: kratos, log });
    if (s.ports.faultRelay) {
      const relay = await startFaultRelay({
        listenPort: s.ports.faultRelay,
        targetPort: s.ports.kratosPublic,
        controlPort: s.ports.faultControl,
      });
      closers.push(relay.close);
    }
    await waitFor(mailCatcher, `${s.mailUrl}${catcher.readyPath}`, { child: mail, log });

    // hydra feature: Hydra + the demo relying party; the app gets HYDRA_ADMIN_URL.
    const features = selectFeatures(process.env.FEATURES);
    if (features.ok && features.features.includes("hydra")) {
      hydra = await startHydra(kind, { appUrl: s.appUrl, dataDir: s.dataDir, log, procs: { run, waitFor } });
      children.push(...hydra.children);
    }

    const env = { ...appEnv(s, secrets), ...hydra?.appEnv, ...extraAppEnv };
    const nextArgs =
      app === "dev"
        ? // "localhost", so that Next's own banner shows the same URL as ours (still loopback only).
          ["dev", "-p", String(s.ports.app), "-H", "localhost"]
        : ["start", "-p", String(s.ports.app), "-H", "127.0.0.1"];
    log(`[stack] starting the app (next ${app}) on ${s.appUrl}…`);
    const next = run(bin("next"), nextArgs, {
      env,
      logFile: app === "dev" ? undefined : appLog,
      inherit: app === "dev",
    });
    children.push(next);
    await waitFor("the app", `${s.appUrl}/api/ready`, { child: next, log, timeoutMs: 180_000 });
  } catch (err) {
    log(`\n[stack] ${err.message}`);
    for (const f of [kratosLog, mailLog, oidcLog, appLog, path.join(s.dataDir, "hydra.log")]) {
      const t = tail(f);
      if (t) log(`\n--- last lines of ${path.relative(root, f)} ---\n${t}`);
    }
    await stop();
    throw err;
  }
  const [kratosProcess, mailProcess] = children;
  const appProcess = children.at(-1);
  return {
    settings: s,
    hydra, // hydra feature: { testEnv, summary } when it runs
    secrets,
    stop,
    children,
    processes: { kratos: kratosProcess, mail: mailProcess, app: appProcess },
  };
}
