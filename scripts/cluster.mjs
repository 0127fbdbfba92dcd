// The parts only the cluster profile has (scripts/profiles.mjs, started by scripts/stack.mjs):
// the external tools it needs, a throwaway PostgreSQL database, the standalone build, a TLS
// certificate made for the run, nginx's configuration, and the control port of the @fault tests.
import { spawn, spawnSync } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { stackSettings } from "./profiles.mjs";
import { bin, root } from "./service.mjs";

function findTool(name, envName) {
  if (envName && process.env[envName]) return process.env[envName];
  for (const dir of [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/usr/local/sbin"]) {
    const p = path.join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** The external programs the cluster needs; throws one message naming what is missing. */
export function clusterTools() {
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

function runSync(cmd, args, what) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${what} failed: ${(r.stderr || r.stdout || "").trim()}`);
  return r.stdout;
}

/**
 * A database as a stack part: `dsn` when given (Kratos's: DATABASE_URL), or a fresh database on
 * the local server named after `prefix`, dropped at stop. `dsn` and `name` (the throwaway
 * database's, for the bench) are set by start().
 */
export function database(tools, log, { prefix = "kratos", dsn = process.env.DATABASE_URL } = {}) {
  const part = {
    name: `PostgreSQL database (${prefix})`,
    dsn,
    async start() {
      if (part.dsn) return;
      part.name = `${prefix}_cluster_${Date.now()}_${process.pid}`;
      try {
        runSync(tools.createdb, [...pgArgs(), part.name], "createdb");
      } catch (err) {
        throw new Error(
          `${err.message}\n  PostgreSQL must answer at ${process.env.PGHOST || "127.0.0.1"}:${process.env.PGPORT || "5432"} (PGHOST/PGPORT/PGUSER), or set DATABASE_URL`,
        );
      }
      part.created = true;
      const user = encodeURIComponent(process.env.PGUSER || "postgres");
      const pass = process.env.PGPASSWORD ? `:${encodeURIComponent(process.env.PGPASSWORD)}` : "";
      part.dsn = `postgres://${user}${pass}@${process.env.PGHOST || "127.0.0.1"}:${process.env.PGPORT || "5432"}/${part.name}?sslmode=disable`;
      log(`[cluster] PostgreSQL database ${part.name} created (dropped at stop)`);
    },
    async stop() {
      if (part.created) runSync(tools.dropdb, [...pgArgs(), "--force", part.name], "dropdb");
    },
  };
  return part;
}

/**
 * `next build` with `output: "standalone"`, then the two folders Next leaves out of the
 * standalone server (public/ and the static chunks) copied in: the result is self-contained.
 */
export async function buildStandalone({ appUrl, log = console.log } = {}) {
  const s = stackSettings("cluster");
  const standaloneDir = path.join(root, s.distDir, "standalone");
  log("[cluster] building the standalone server (next build)…");
  const code = await new Promise((resolve) => {
    const child = spawn(bin("next"), ["build"], {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        NEXT_DIST_DIR: s.distDir,
        NEXT_OUTPUT: "standalone",
        APP_URL: appUrl ?? s.appUrl,
      },
    });
    child.on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error("next build failed");
  cpSync(path.join(root, s.distDir, "static"), path.join(standaloneDir, s.distDir, "static"), {
    recursive: true,
  });
  const publicDir = path.join(root, "public");
  if (existsSync(publicDir)) cpSync(publicDir, path.join(standaloneDir, "public"), { recursive: true });
  return standaloneDir;
}

/** A self-signed certificate for localhost and 127.0.0.1; returns its SPKI pin for Chromium. */
export function makeCertificate(openssl, certFile, keyFile) {
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

/** A template file with its {{…}} placeholders filled in; an unknown one is an error. */
export function fillTemplate(file, values) {
  const template = readFileSync(file, "utf8");
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, k) => {
    if (!(k in values)) throw new Error(`${path.relative(root, file)}: unknown placeholder {{${k}}}`);
    return values[k];
  });
}

/** deploy/nginx.conf.template for the run; `testServers` are the features' extra server blocks. */
export function nginxConfig({ runtimeDir, listen, certFile, keyFile, upstreams, testServers }) {
  return fillTemplate(path.join(root, "deploy", "nginx.conf.template"), {
    RUNTIME_DIR: runtimeDir,
    LISTEN: listen,
    SERVER_NAME: "localhost",
    CERTIFICATE: certFile,
    CERTIFICATE_KEY: keyFile,
    UPSTREAM_SERVERS: upstreams.map((u) => `server ${u} max_fails=0;`).join("\n    "),
    TEST_SERVERS: testServers,
  });
}

/** `nginx -t`: a configuration error shows before anything waits on nginx. */
export function checkNginx(nginx, args) {
  runSync(nginx, ["-t", "-q", ...args], "nginx -t");
}

/**
 * The fault control port (loopback only): POST /app/<0|1>/<stop|start>, /kratos/<stop|start>,
 * /redis/<stop|start>. Each answers when the change is done (a start, when the part is ready).
 * A stack part: start() listens, stop() closes.
 */
export function controlPort(port, { apps, kratos, redis }) {
  const server = http.createServer(async (req, res) => {
    const m = /^\/(app\/(\d)|kratos|redis)\/(stop|start)$/.exec(req.url ?? "");
    const svc = !m ? undefined : m[2] !== undefined ? apps[Number(m[2])] : m[1] === "kratos" ? kratos : redis;
    const json = (status, body) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method !== "POST" || !svc) return json(404, { error: "unknown part" });
    try {
      await (m[3] === "stop" ? svc.stop() : svc.start());
      json(200, { [svc.name]: m[3] });
    } catch (err) {
      json(500, { error: String(err) });
    }
  });
  return {
    name: "control port",
    start: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", resolve);
      }),
    stop: () => new Promise((done) => server.close(() => done())),
  };
}
