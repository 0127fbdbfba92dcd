// `npm run bench`: the app's per-request cost on a fresh local stack, measured with a real load
// generator (autocannon, bench/load.mjs) in a process of its own, and the servers' CPU
// read from /proc (utime + stime of each server's process tree, divided by the requests it
// completed): on a shared, noisy machine that figure holds where latency does not. Every run
// also builds and measures a bare Next route handler of the same Next version (the floor) and
// Kratos direct, so every figure has something of the same run to be divided by.
// Figures, not assertions: nothing here passes or fails on speed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { bin, root, service } from "../scripts/service.mjs";
import { startStack, stackSettings } from "../scripts/stack.mjs";
import { clusterLoad, printCluster } from "./cluster.mjs";
import { machine, makeAccounts, measure, nextVersion, pageJs, save, signedOutFlow } from "./lib.mjs";
import { markdownReport } from "./report.mjs";
import { pageFloor, pageFloorMarkdown } from "./page-floor.mjs";

const FLOOR_DIR = path.join(root, ".cache", "bench-floor");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const SIGNIN_CONNECTIONS = Number(process.env.BENCH_SIGNIN_CONNECTIONS ?? 4);

const PRODUCTION_BCRYPT_COST = 12;

/** The load driver's spec for password sign-ins by `users` at `base` (the app or Kratos). */
function signinSpec(target, base, users) {
  return {
    kind: "signin",
    target,
    base,
    users,
    connections: SIGNIN_CONNECTIONS,
    warmupSec: WARMUP,
    durationSec: DURATION,
  };
}

// ---- the floor: a bare Next app with one route handler, same Next version --------------------

async function buildFloor() {
  const stamp = path.join(FLOOR_DIR, "built-with-next");
  const version = `${nextVersion()} webpack, ping + whoami v2`;
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === version) return;
  rmSync(FLOOR_DIR, { recursive: true, force: true });
  mkdirSync(path.join(FLOOR_DIR, "app", "api", "ping"), { recursive: true });
  mkdirSync(path.join(FLOOR_DIR, "app", "api", "whoami"), { recursive: true });
  // Resolves next, react and react-dom from the project's node_modules (two folders up).
  writeFileSync(
    path.join(FLOOR_DIR, "package.json"),
    JSON.stringify({ name: "bench-floor", private: true }, null, 2),
  );
  writeFileSync(path.join(FLOOR_DIR, "next.config.mjs"), "export default { poweredByHeader: false };\n");
  writeFileSync(
    path.join(FLOOR_DIR, "app", "api", "ping", "route.js"),
    [
      "// The floor: what Next itself costs for a dynamic route handler answering JSON.",
      'export const dynamic = "force-dynamic";',
      "export function GET() {",
      '  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });',
      "}",
      "",
    ].join("\n"),
  );
  writeFileSync(
    path.join(FLOOR_DIR, "app", "api", "whoami", "route.js"),
    [
      "// The limit of a proxied call: a bare route handler making the BFF's one call to Kratos",
      "// (node:http on a keep-alive agent, the answer read whole) and answering with its body.",
      "// No allow-lists, no policy, no security headers: what Next and one HTTP exchange cost.",
      'import http from "node:http";',
      'export const dynamic = "force-dynamic";',
      "const agent = new http.Agent({ keepAlive: true });",
      "export function GET(request) {",
      "  // Read at request time: the build evaluates this module without the variable.",
      '  const upstream = new URL("/sessions/whoami", process.env.KRATOS_PUBLIC_URL);',
      '  const headers = { accept: "application/json", cookie: request.headers.get("cookie") ?? "" };',
      "  return new Promise((resolve, reject) => {",
      "    http",
      "      .get(upstream, { agent, headers }, (res) => {",
      "        const chunks = [];",
      '        res.on("data", (c) => chunks.push(c));',
      '        res.on("end", () =>',
      "          resolve(",
      "            new Response(Buffer.concat(chunks), {",
      "              status: res.statusCode,",
      '              headers: { "content-type": "application/json", "cache-control": "no-store" },',
      "            }),",
      "          ),",
      "        );",
      "      })",
      '      .on("error", reject);',
      "  });",
      "}",
      "",
    ].join("\n"),
  );
  console.log(`[bench] building the floor: a bare Next ${version} route handler (.cache/bench-floor)…`);
  // Webpack: Turbopack takes the project folder above as its root and would build the
  // project's own proxy.ts and instrumentation into the floor.
  if ((await step(bin("next"), ["build", "--webpack"], {}, FLOOR_DIR)) !== 0)
    throw new Error("the floor's next build failed");
  writeFileSync(stamp, version);
}

function step(cmd, args, env = {}, cwd = root) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

// ---- users -----------------------------------------------------------------------------------

/** A tiny cookie jar: enough for Kratos's CSRF and session cookies. */
function jar() {
  const cookies = new Map();
  return {
    store(res) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const i = pair.indexOf("=");
        cookies.set(pair.slice(0, i), pair.slice(i + 1));
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
  };
}

/** Registers a user through the app (as a browser does) and returns its cookies. */
async function registerBrowserUser(appUrl) {
  const j = jar();
  const init = await fetch(`${appUrl}/api/kratos/self-service/registration/browser`, { redirect: "manual" });
  j.store(init);
  const flowId = new URL(init.headers.get("location")).searchParams.get("flow");
  const flow = await (
    await fetch(`${appUrl}/api/kratos/self-service/registration/flows?id=${flowId}`, {
      headers: { cookie: j.header(), accept: "application/json" },
    })
  ).json();
  const csrf = flow.ui.nodes.find((n) => n.attributes.name === "csrf_token").attributes.value;
  const email = `bench-${Date.now()}@example.test`;
  const password = randomBytes(18).toString("base64url");
  const body = new URLSearchParams({ csrf_token: csrf, "traits.email": email, password, method: "password" });
  const res = await fetch(flow.ui.action, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { cookie: j.header(), "content-type": "application/x-www-form-urlencoded" },
  });
  j.store(res);
  if (!j.header().includes("ory_kratos_session"))
    throw new Error(`registration failed (${res.status} ${res.headers.get("location")})`);
  return { cookie: j.header(), flowId };
}

// ---- JavaScript shipped per page ---------------------------------------------------------------

/** pageJs (bench/lib.mjs) of each of `pages` on the app. */
async function pagesJs(appUrl, pages, cookie) {
  const out = [];
  for (const p of pages) out.push({ page: p, ...(await pageJs(`${appUrl}${p}`, cookie)) });
  return out;
}

/** Gzipped JavaScript of the same flows on the app's pages and on Ory Elements (/elements). */
async function kitRows(appUrl, loginFlow, cookie) {
  const kitJs = await pagesJs(
    appUrl,
    [`/login?flow=${loginFlow}`, `/elements/login?flow=${loginFlow}`],
    cookie,
  );
  for (const kind of ["registration", "recovery"]) {
    const f = await signedOutFlow(appUrl, kind);
    kitJs.push(
      ...(await pagesJs(appUrl, [`/${kind}?flow=${f.flow}`, `/elements/${kind}?flow=${f.flow}`], f.cookie)),
    );
  }
  const kits = [];
  for (let i = 0; i < kitJs.length; i += 2) {
    const [ui, elements] = [kitJs[i], kitJs[i + 1]];
    kits.push({
      page: ui.page.split("?")[0],
      ui_gzip_kb: ui.gzip_kb,
      elements_gzip_kb: elements.gzip_kb,
      ratio: fix(elements.gzip_kb / ui.gzip_kb, 1),
    });
  }

  return kits;
}

// ---- printing and saving ---------------------------------------------------------------------

const fix = (v, d = 2) => (Number.isFinite(v) ? +v.toFixed(d) : null);

function printRows(rows, before) {
  const floor = rows.find((r) => r.id === "floor");
  const direct = rows.find((r) => r.id === "kratos_whoami");
  const matched = rows.find((r) => r.id === "kratos_whoami_matched");
  const floorMatched = rows.find((r) => r.id === "floor_matched");
  const floorProxy = rows.find((r) => r.id === "floor_proxy_matched");
  const signinDirect = rows.find((r) => r.id === "signin_kratos");
  const signinDirect12 = rows.find((r) => r.id === "signin_kratos_12");
  // What each row's Kratos CPU is compared with: the same work sent straight to Kratos.
  const directOf = {
    kratos_whoami_matched: direct,
    bff_whoami: matched,
    signin_kratos: signinDirect,
    signin_app: signinDirect,
    signin_kratos_12: signinDirect12,
    signin_app_12: signinDirect12,
  };
  const prev = new Map((before?.rows ?? []).map((r) => [r.id, r]));
  console.table(
    rows.map((r) => {
      const isSignin = r.id.startsWith("signin");
      const total = (r.app_cpu_ms ?? 0) + (r.kratos_cpu_ms ?? 0);
      const p = prev.get(r.id);
      return {
        row: r.name,
        "req/s": fix(r.rps, 0),
        "p50 ms": fix(r.p50_ms, 1),
        "p99 ms": fix(r.p99_ms, 1),
        errors: r.errors,
        "app CPU ms/req": fix(r.app_cpu_ms),
        "× floor": isSignin || r.app_cpu_ms === undefined ? "" : fix(r.app_cpu_ms / floor.app_cpu_ms),
        "× floor, same rate": r.id === "bff_whoami" ? fix(r.app_cpu_ms / floorMatched.app_cpu_ms) : "",
        "× floor + one call": r.id === "bff_whoami" ? fix(r.app_cpu_ms / floorProxy.app_cpu_ms) : "",
        "Kratos CPU ms/req": fix(r.kratos_cpu_ms),
        "× direct": !directOf[r.id]
          ? ""
          : fix((isSignin ? total : r.kratos_cpu_ms) / directOf[r.id].kratos_cpu_ms),
        "app CPU before": p?.app_cpu_ms === undefined ? "" : fix(p.app_cpu_ms),
        "Kratos CPU before": p?.kratos_cpu_ms === undefined ? "" : fix(p.kratos_cpu_ms),
      };
    }),
  );
  console.log(
    "× floor: app CPU per request over the bare Next route handler's (same rate: over the floor driven at\n" +
      "the proxied row's rate, so both are compared under the same load; + one call: over a bare route handler\n" +
      "making the same call to Kratos at that rate, the limit of a Next route that proxies). × direct: proxied whoami's Kratos CPU\n" +
      "over Kratos direct's at the same rate (that row's own: over direct at full speed); sign-ins: app + Kratos\n" +
      "CPU per sign-in over the direct sign-in's.\n" +
      '"before": the run before this one (previous.json in bench/results/).',
  );
}

// ---- the run ---------------------------------------------------------------------------------

async function buildAppAndFloor() {
  await buildFloor();
  console.log("[bench] building the app…");
  const s = stackSettings("bench");
  if ((await step(bin("next"), ["build"], { NEXT_DIST_DIR: s.distDir, APP_URL: s.appUrl })) !== 0)
    throw new Error("next build failed");
}

/**
 * The per-request rows and JS per page, on the bench stack (Kratos hashing at cost 4); `only`:
 * just the rows of these ids (no accounts unless a sign-in row is among them, no JS per page).
 */
async function requestRows(only) {
  const stack = await startStack("bench");
  const s = stack.settings;
  // A second instance of the app on the same Kratos with the session cache off, and the floor.
  const noCacheUrl = `http://127.0.0.1:${s.ports.noCache}`;
  const floorUrl = `http://127.0.0.1:${s.ports.floor}`;
  const extra = [
    service({
      name: "the app without cache",
      cmd: bin("next"),
      args: ["start", "-p", String(s.ports.noCache), "-H", "127.0.0.1"],
      env: { ...stack.appEnv, SESSION_CACHE_TTL_SECONDS: "0" },
      logFile: path.join(s.dataDir, "app-nocache.log"),
      ready: { url: `${noCacheUrl}/api/health` },
    }),
    service({
      name: "the floor",
      cmd: bin("next"),
      args: ["start", "-p", String(s.ports.floor), "-H", "127.0.0.1"],
      cwd: FLOOR_DIR,
      env: { NODE_ENV: "production", KRATOS_PUBLIC_URL: s.kratosPublicUrl },
      logFile: path.join(s.dataDir, "floor.log"),
      ready: { url: `${floorUrl}/api/ping` },
    }),
  ];
  const [noCache, floor] = extra;
  const stopAll = async () => {
    await Promise.all(extra.map((x) => x.stop()));
    await stack.stop();
  };
  process.on("SIGINT", () => stopAll().then(() => process.exit(130)));
  try {
    await Promise.all(extra.map((x) => x.start()));

    const { cookie } = await registerBrowserUser(s.appUrl);
    const loginInit = await fetch(`${s.appUrl}/api/kratos/self-service/login/browser?refresh=true`, {
      redirect: "manual",
      headers: { cookie },
    });
    const loginFlow = new URL(loginInit.headers.get("location")).searchParams.get("flow");
    // The browser keeps the encrypted session-check cookie the first protected page sets.
    const warm = await fetch(`${s.appUrl}/secure-account`, { headers: { cookie }, redirect: "manual" });
    const cacheCookie = warm.headers
      .getSetCookie()
      .find((c) => c.startsWith("session_check="))
      ?.split(";")[0];
    if (!cacheCookie) throw new Error("the app set no session_check cookie");
    // Sign-ins in both rows, warm-ups included, at well under the app's 10 per account per 5 min.
    const signins = !only || [...only].some((id) => id.startsWith("signin"));
    const users = signins
      ? await makeAccounts(s.kratosAdminUrl, Number(process.env.BENCH_ACCOUNTS ?? 400))
      : [];

    const app = stack.processes.app.pid;
    const kratos = stack.processes.kratos.pid;
    const http = (url, headers = {}, expectStatus = 200) => ({
      kind: "http",
      url,
      headers,
      expectStatus,
      connections: CONNECTIONS,
      warmupSec: WARMUP,
      durationSec: DURATION,
    });
    const signin = (target, base) => signinSpec(target, base, users);
    const plan = [
      [
        "floor",
        "floor: bare Next route handler (JSON)",
        http(`${floorUrl}/api/ping`),
        { app: floor.child.pid },
      ],
      ["health", "app: GET /api/health (liveness)", http(`${s.appUrl}/api/health`), { app, kratos }],
      [
        "kratos_whoami",
        "Kratos direct: GET /sessions/whoami",
        http(`${s.kratosPublicUrl}/sessions/whoami`, { cookie }),
        { kratos },
      ],
      [
        "bff_whoami",
        "proxied: GET /api/kratos/sessions/whoami",
        http(`${s.appUrl}/api/kratos/sessions/whoami`, { cookie }),
        { app, kratos },
      ],
      // CPU per request depends on the rate (and on what else runs): the floor again at the proxied rate.
      [
        "floor_matched",
        "floor at the proxied row's rate",
        (rows) => ({
          ...http(`${floorUrl}/api/ping`),
          rate: Math.max(1, Math.round(rows.find((r) => r.id === "bff_whoami").rps)),
        }),
        { app: floor.child.pid },
      ],
      // The architecture's limit: a bare route handler making the same one call to Kratos.
      [
        "floor_proxy_matched",
        "floor + one call to Kratos (whoami), at the proxied row's rate",
        (rows) => ({
          ...http(`${floorUrl}/api/whoami`, { cookie }),
          rate: Math.max(1, Math.round(rows.find((r) => r.id === "bff_whoami").rps)),
        }),
        { app: floor.child.pid, kratos },
      ],
      // Go spends more CPU per request at a low rate than at a high one (fewer requests share
      // each wake-up of its scheduler and poller): compare the proxied row at its own rate.
      [
        "kratos_whoami_matched",
        "Kratos direct: whoami at the proxied row's rate",
        (rows) => ({
          ...http(`${s.kratosPublicUrl}/sessions/whoami`, { cookie }),
          rate: Math.max(1, Math.round(rows.find((r) => r.id === "bff_whoami").rps)),
        }),
        { kratos },
      ],
      [
        "page_public",
        "unprotected page: GET / (signed in)",
        http(`${s.appUrl}/`, { cookie }),
        { app, kratos },
      ],
      [
        "page_cached",
        "protected page, session cache on",
        http(`${s.appUrl}/secure-account`, { cookie: `${cookie}; ${cacheCookie}` }),
        { app, kratos },
      ],
      [
        "page_uncached",
        "protected page, session cache off",
        http(`${noCacheUrl}/secure-account`, { cookie }),
        { app: noCache.child.pid, kratos },
      ],
      [
        "flow_page",
        "flow page: GET /login?flow=… (rendered)",
        http(`${s.appUrl}/login?flow=${loginFlow}`, { cookie }),
        { app, kratos },
      ],
      [
        "signin_kratos",
        "sign-in straight at Kratos (per sign-in)",
        signin("kratos", s.kratosPublicUrl),
        { kratos },
      ],
      ["signin_app", "sign-in through the app (per sign-in)", signin("app", s.appUrl), { app, kratos }],
    ];
    console.log(
      `[bench] ${DURATION} s per row after ${WARMUP} s of warm-up, ${CONNECTIONS} connections ` +
        `(${SIGNIN_CONNECTIONS} users for sign-ins), on ${os.availableParallelism()} cores…`,
    );
    const rows = [];
    for (const [id, name, spec, servers] of plan.filter(([id]) => !only || only.has(id))) {
      const r = await measure(name, typeof spec === "function" ? spec(rows) : spec, servers);
      rows.push({ id, ...r });
      logRow(r, Object.keys(servers));
    }
    if (only) return { rows, js: [], kits: [] };
    const js = await pagesJs(s.appUrl, ["/", `/login?flow=${loginFlow}`, "/secure-account"], cookie);
    // Both UI kits side by side, when the Elements feature is on (FEATURES).
    const kits = stack.features.includes("elements") ? await kitRows(s.appUrl, loginFlow, cookie) : [];
    return { rows, js, kits };
  } finally {
    await stopAll();
  }
}

/**
 * The sign-in rows again with Kratos hashing at its production cost (12), on a fresh bench
 * stack: there the hash, not the app's round trips, decides what a sign-in costs.
 */
async function signinRowsAtProductionCost() {
  const stack = await startStack("bench", { bcryptCost: PRODUCTION_BCRYPT_COST });
  const s = stack.settings;
  try {
    // Every hash costs about a quarter of a second of one core: few accounts, each used at most
    // the app's 10 sign-ins per account per 5 minutes.
    const users = await makeAccounts(s.kratosAdminUrl, 24);
    const servers = { app: stack.processes.app.pid, kratos: stack.processes.kratos.pid };
    const spec = (target, base) => signinSpec(target, base, users);
    const rows = [];
    for (const [id, name, target, base] of [
      ["signin_kratos_12", "sign-in straight at Kratos, bcrypt 12", "kratos", s.kratosPublicUrl],
      ["signin_app_12", "sign-in through the app, bcrypt 12", "app", s.appUrl],
    ]) {
      const r = await measure(
        name,
        spec(target, base),
        target === "kratos" ? { kratos: servers.kratos } : servers,
      );
      rows.push({ id, bcrypt_cost: PRODUCTION_BCRYPT_COST, ...r });
      logRow(r, target === "kratos" ? ["kratos"] : ["app", "kratos"]);
    }
    return rows;
  } finally {
    await stack.stop();
  }
}

function logRow(r, servers) {
  console.log(
    `[bench] ${r.name}: ${fix(r.rps, 0)}/s, p50 ${fix(r.p50_ms, 1)} ms, ` +
      servers.map((k) => `${k} ${fix(r[`${k}_cpu_ms`])} ms CPU/req`).join(", ") +
      (r.errors ? `, ${r.errors} errors${r.first_error ? ` (${r.first_error})` : ""}` : ""),
  );
}

/**
 * The bench's scenarios, run in this order; `npm run bench -- --only=<id>` runs one. Each adds
 * its part to the saved JSON (latest.json in bench/results/); bench/report.mjs turns it into tables.
 */
const SCENARIOS = [
  {
    id: "requests",
    async run(data) {
      await buildAppAndFloor();
      const { rows, js, kits } = await requestRows();
      rows.push(...(await signinRowsAtProductionCost()));
      Object.assign(data, { rows, js, kits });
    },
  },
  // The proxied whoami and what it is compared with, alone: a few minutes per try of a change
  // to the BFF's exchange. Not part of a full run (its rows are in "requests").
  {
    id: "whoami",
    alone: true,
    async run(data) {
      await buildAppAndFloor();
      const ids = [
        "floor",
        "kratos_whoami",
        "bff_whoami",
        "floor_matched",
        "floor_proxy_matched",
        "kratos_whoami_matched",
      ];
      Object.assign(data, await requestRows(new Set(ids)));
    },
  },
  {
    id: "pages",
    async run(data) {
      // The requests scenario, when it ran before in this run, built the app already.
      data.pages = await pageFloor({ build: !data.rows, log: console.log });
    },
  },
  {
    id: "cluster",
    async run(data) {
      data.cluster = await clusterLoad({ log: console.log });
    },
  },
];

async function main() {
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  const scenarios = SCENARIOS.filter((sc) => (only ? sc.id === only : !sc.alone));
  if (scenarios.length === 0) {
    console.error(`usage: npm run bench [-- --only=${SCENARIOS.map((sc) => sc.id).join(" | --only=")}]`);
    process.exit(2);
  }
  const started = Date.now();
  const data = {
    date: new Date().toISOString(),
    commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim(),
    machine: machine(),
    settings: {
      duration_s: DURATION,
      warmup_s: WARMUP,
      connections: CONNECTIONS,
      signin_users: SIGNIN_CONNECTIONS,
      bcrypt_cost: 4,
    },
  };
  for (const sc of scenarios) await sc.run(data);
  data.runtime_s = Math.round((Date.now() - started) / 1000);

  const before = save("", data);
  const report = path.join(root, "bench", "results", "latest.md");
  writeFileSync(report, markdownReport(data));
  console.log(`[bench] docs/benchmarks.md's tables: ${path.relative(root, report)}`);
  if (data.rows) {
    console.log("\nPer-request cost (CPU per request from /proc; latency is noisy on a shared machine)");
    printRows(data.rows, before);
    console.log("\nJavaScript shipped per page (production build)");
    console.table(data.js);
    if (data.kits.length) {
      console.log("\nThe two UI kits (UI_KIT): gzipped JavaScript per flow page");
      console.table(data.kits);
    }
  }
  if (data.pages) {
    const pagesReport = path.join(root, "bench", "results", "pages.md");
    writeFileSync(pagesReport, pageFloorMarkdown(data.pages));
    console.log(`\nThe page floor (${path.relative(root, pagesReport)})\n${pageFloorMarkdown(data.pages)}`);
  }
  if (data.cluster) {
    console.log("\nUnder load: N users each signing in with a password, then loading a protected page");
    printCluster(data.cluster);
  }
  console.log(`\n[bench] done in ${Math.round(data.runtime_s / 60)} min`);
}

await main();
