// `npm run bench`: measures the BFF on a fresh local stack and prints tables (saved as JSON
// under bench/results/). Figures, not assertions: nothing here passes or fails on speed.
//   1. request latency: BFF overhead over direct Kratos, proxy.ts with and without the
//      session cache, a server-rendered flow page;
//   2. JavaScript each page ships (gzipped), from the production build.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { ensureNodeModules } from "./deps.mjs";
import { ensureKratos } from "./kratos-build.mjs";
import { appEnv, root, run, startStack, stackSettings, waitFor } from "./stack.mjs";

const DIST_DIR = ".next-bench";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function step(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

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

async function measure(name, makeRequest) {
  const times = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t = performance.now();
        const res = await makeRequest();
        await res.arrayBuffer();
        if (res.status >= 400) {
          failures++;
          if (failures === 1) console.warn(`[bench] ${name}: first failure ${res.status}`);
        }
        times.push(performance.now() - t);
      }
    }),
  );
  const total = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  return {
    name,
    requests: times.length,
    failures,
    p50_ms: +pct(50).toFixed(1),
    p95_ms: +pct(95).toFixed(1),
    p99_ms: +pct(99).toFixed(1),
    rps: +(times.length / total).toFixed(0),
  };
}

async function pageJs(appUrl, pages, cookie) {
  const out = [];
  for (const p of pages) {
    const html = await (await fetch(`${appUrl}${p}`, { headers: { cookie } })).text();
    const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
    let raw = 0;
    let gz = 0;
    for (const src of srcs) {
      const body = Buffer.from(await (await fetch(new URL(src, appUrl))).arrayBuffer());
      raw += body.length;
      gz += gzipSync(body, { level: 9 }).length;
    }
    out.push({
      page: p,
      scripts: srcs.length,
      raw_kb: +(raw / 1024).toFixed(1),
      gzip_kb: +(gz / 1024).toFixed(1),
    });
  }
  return out;
}

ensureNodeModules(root);
await ensureKratos();
const s = stackSettings("bench");
console.log("[bench] building the app…");
if ((await step(bin("next"), ["build"], { NEXT_DIST_DIR: DIST_DIR, APP_URL: s.appUrl })) !== 0)
  process.exit(1);

const stack = await startStack("bench", {
  app: "start",
  fresh: true,
  extraAppEnv: { NEXT_DIST_DIR: DIST_DIR },
});
// A second app instance on the same Kratos with the session cache off.
const noCachePort = s.ports.app + 1;
const noCacheUrl = `http://localhost:${noCachePort}`;
const noCache = run(bin("next"), ["start", "-p", String(noCachePort), "-H", "127.0.0.1"], {
  env: { ...appEnv(s, stack.secrets), NEXT_DIST_DIR: DIST_DIR, SESSION_CACHE_TTL_SECONDS: "0" },
  logFile: path.join(s.dataDir, "app-nocache.log"),
});
try {
  await waitFor("the app without cache", `${noCacheUrl}/api/health`, { child: noCache, log: console.log });
  const { cookie, flowId } = await registerBrowserUser(s.appUrl);
  const loginInit = await fetch(`${s.appUrl}/api/kratos/self-service/login/browser?refresh=true`, {
    redirect: "manual",
    headers: { cookie },
  });
  const loginFlow = new URL(loginInit.headers.get("location")).searchParams.get("flow");
  const withCookie = { headers: { cookie } };
  // The browser keeps the encrypted session-check cookie the first response sets.
  const warm = await fetch(`${s.appUrl}/secure-account`, { ...withCookie, redirect: "manual" });
  const cacheCookie = warm.headers
    .getSetCookie()
    .find((c) => c.startsWith("session_check="))
    ?.split(";")[0];
  if (!cacheCookie) throw new Error("the app set no session_check cookie");
  const withCachedCheck = { headers: { cookie: `${cookie}; ${cacheCookie}` } };

  console.log(`[bench] ${REQUESTS} requests each, ${CONCURRENCY} at a time, on ${os.cpus().length} cores…`);
  const latency = [];
  const get = (url, init = {}) => fetch(url, { ...init, redirect: "manual" });
  latency.push(
    await measure("app only: GET /api/health (app + Kratos health)", () => get(`${s.appUrl}/api/health`)),
  );
  latency.push(
    await measure("Kratos direct: GET /sessions/whoami", () =>
      get(`${s.kratosPublicUrl}/sessions/whoami`, withCookie),
    ),
  );
  latency.push(
    await measure("through the BFF: GET /api/kratos/sessions/whoami", () =>
      get(`${s.appUrl}/api/kratos/sessions/whoami`, withCookie),
    ),
  );
  latency.push(
    await measure("protected page, session cache on (30 s)", () =>
      get(`${s.appUrl}/secure-account`, withCachedCheck),
    ),
  );
  latency.push(
    await measure("protected page, session cache off", () => get(`${noCacheUrl}/secure-account`, withCookie)),
  );
  latency.push(
    await measure("flow page: GET /login?flow=… (server-rendered)", () =>
      get(`${s.appUrl}/login?flow=${loginFlow}`, withCookie),
    ),
  );
  console.log("\nLatency");
  console.table(latency);

  const js = await pageJs(
    s.appUrl,
    ["/", `/login?flow=${loginFlow}`, `/registration?flow=${flowId}`, "/secure-account"],
    cookie,
  );
  console.log("JavaScript shipped per page (production build)");
  console.table(js);

  mkdirSync(path.join(root, "bench", "results"), { recursive: true });
  const file = path.join(
    root,
    "bench",
    "results",
    `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
  );
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    node: process.version,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
  };
  writeFileSync(
    file,
    JSON.stringify({ machine, requests: REQUESTS, concurrency: CONCURRENCY, latency, js }, null, 2),
  );
  console.log(`[bench] saved ${path.relative(root, file)}`);
} finally {
  try {
    process.kill(-noCache.pid, "SIGTERM");
  } catch {
    // already gone
  }
  await stack.stop();
}
