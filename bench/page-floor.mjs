// The page floor: what a bare Next dynamic page costs (bench/floor-app: same Next, same
// bundler as the app's `next build`, Next's documented nonce CSP, a form of the login page's
// size), beside the app's flow pages on the bench stack. Per page: app CPU per request as a ratio
// to the floor's, the JavaScript each page's HTML loads (gzipped), and Lighthouse's medians
// (bench/lighthouse.mjs). `npm run bench -- --only=pages` runs this part alone.
// Figures, never assertions.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { measure, nextVersion } from "../scripts/bench-lib.mjs";
import { run, startStack, stackSettings, waitFor } from "../scripts/stack.mjs";
import { lighthouseRows } from "./lighthouse.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, "..");
const FLOOR_APP = path.join(here, "floor-app");
const FLOOR_DIST = ".next-floor";
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);

function step(cmd, args, { cwd = root, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** Builds the floor app once per Next version (its own dist folder, stamped). */
async function buildFloorPage(log) {
  const stamp = path.join(FLOOR_APP, FLOOR_DIST, "built-with-next");
  const sources = ["app/page.jsx", "app/layout.jsx", "proxy.js", "next.config.mjs"]
    .map((f) => readFileSync(path.join(FLOOR_APP, f), "utf8"))
    .join("\n");
  const version = `${nextVersion()} ${Buffer.from(sources).toString("base64").length}`;
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === version) return;
  log(`[bench] building the page floor: a bare Next ${nextVersion()} dynamic page (bench/floor-app)…`);
  if ((await step(bin("next"), ["build"], { cwd: FLOOR_APP, env: { NEXT_DIST_DIR: FLOOR_DIST } })) !== 0)
    throw new Error("the page floor's next build failed");
  writeFileSync(stamp, version);
}

/** The gzipped JavaScript a page's HTML loads (module scripts; the nomodule polyfill is skipped). */
async function pageJs(url, cookie = "") {
  const html = await (await fetch(url, { headers: { cookie } })).text();
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter(
    (m) => !/\bnoModule\b/i.test(m[0]),
  );
  const srcs = [...new Set(tags.map((m) => m[1]))];
  let gz = 0;
  for (const src of srcs)
    gz += gzipSync(Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer()), { level: 9 }).length;
  return { scripts: srcs.length, gzip_kb: +(gz / 1024).toFixed(1) };
}

/** A signed-out browser's new flow through the BFF, with its CSRF cookie. */
async function signedOutFlow(appUrl, kind) {
  const res = await fetch(`${appUrl}/api/kratos/self-service/${kind}/browser`, { redirect: "manual" });
  const flow = new URL(res.headers.get("location"), appUrl).searchParams.get("flow");
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { flow, cookie };
}

const http = (url, headers = {}) => ({
  kind: "http",
  url,
  headers,
  expectStatus: 200,
  connections: CONNECTIONS,
  warmupSec: WARMUP,
  durationSec: DURATION,
});

/**
 * The page-floor part: `distDir` is the app's production build (built by the caller, or here
 * when `build` is true), served on the bench stack's ports.
 */
export async function pageFloor({ distDir, build = false, log = console.log }) {
  await buildFloorPage(log);
  const s = stackSettings("bench");
  if (
    build &&
    (await step(bin("next"), ["build"], { env: { NEXT_DIST_DIR: distDir, APP_URL: s.appUrl } })) !== 0
  )
    throw new Error("the app's next build failed");
  const floorPort = Number(process.env.BENCH_PAGE_FLOOR_PORT ?? s.ports.app + 3);
  const stack = await startStack("bench", {
    app: "start",
    fresh: true,
    extraAppEnv: { NEXT_DIST_DIR: distDir },
  });
  mkdirSync(s.dataDir, { recursive: true });
  const floor = run(bin("next"), ["start", "-p", String(floorPort), "-H", "127.0.0.1"], {
    cwd: FLOOR_APP,
    env: { NODE_ENV: "production", NEXT_DIST_DIR: FLOOR_DIST },
    logFile: path.join(s.dataDir, "page-floor.log"),
  });
  try {
    const floorUrl = `http://127.0.0.1:${floorPort}`;
    await waitFor("the page floor", `${floorUrl}/`, { child: floor, log });
    const app = stack.processes.app.pid;
    const kratos = stack.processes.kratos.pid;
    const flows = {};
    for (const kind of ["login", "registration", "recovery"])
      flows[kind] = await signedOutFlow(s.appUrl, kind);
    const plan = [
      [
        "page_floor",
        "page floor: bare Next dynamic page (nonce CSP)",
        http(`${floorUrl}/`),
        { app: floor.pid },
      ],
      ["first_login", "first visit: GET /login (starts a flow)", http(`${s.appUrl}/login`), { app, kratos }],
      ...Object.entries(flows).map(([kind, f]) => [
        `flow_${kind}`,
        `flow page: GET /${kind}?flow=… (rendered)`,
        http(`${s.appUrl}/${kind}?flow=${f.flow}`, { cookie: f.cookie }),
        { app, kratos },
      ]),
    ];
    const rows = [];
    for (const [id, name, spec, servers] of plan) {
      const r = await measure(name, spec, servers);
      rows.push({ id, ...r });
      log(`[bench] ${name}: ${Math.round(r.rps)}/s, app ${r.app_cpu_ms?.toFixed(2)} ms CPU/req`);
    }
    const floorCpu = rows[0].app_cpu_ms;
    for (const r of rows) r.x_floor = +(r.app_cpu_ms / floorCpu).toFixed(2);

    const pages = [
      { name: "page floor", url: `${floorUrl}/` },
      ...["login", "registration", "recovery"].map((k) => ({ name: `/${k}`, url: `${s.appUrl}/${k}` })),
    ];
    const js = [];
    for (const p of pages) js.push({ page: p.name, ...(await pageJs(p.url)) });
    const lighthouse = await lighthouseRows(pages, { log });
    return { rows, js, lighthouse };
  } finally {
    try {
      process.kill(-floor.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await stack.stop();
  }
}

/** The part's tables in docs/benchmarks.md's format. */
export function pageFloorMarkdown({ rows, js, lighthouse }) {
  const floorJs = js[0]?.gzip_kb ?? NaN;
  const out = [
    "| row | req/s | app CPU ms/req | × page floor |",
    "| --- | ----: | -------------: | -----------: |",
    ...rows.map(
      (r) => `| ${r.name} | ${Math.round(r.rps)} | ${r.app_cpu_ms.toFixed(2)} | ${r.x_floor.toFixed(2)} |`,
    ),
    "",
    "| page (first visit) | JS gzipped KB | − floor | performance | TBT ms | main thread ms | FCP ms | LCP ms | a11y / BP / SEO |",
    "| --- | --: | --: | --: | --: | --: | --: | --: | --- |",
    ...js.map((j) => {
      const l = lighthouse.find((x) => x.name === j.page) ?? {};
      return `| ${j.page} | ${j.gzip_kb} | ${(j.gzip_kb - floorJs).toFixed(1)} | ${l.performance ?? ""} | ${l.tbt_ms ?? ""} | ${l.main_thread_ms ?? ""} | ${l.fcp_ms ?? ""} | ${l.lcp_ms ?? ""} | ${l.accessibility ?? ""} / ${l.best_practices ?? ""} / ${l.seo ?? ""} |`;
    }),
  ];
  return `${out.join("\n")}\n`;
}
