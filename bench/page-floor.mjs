// The page floor: what a bare Next dynamic page costs (bench/floor-app: same Next, same
// bundler as the app's `next build`, Next's documented nonce CSP, a form of the login page's
// size), beside the app's flow pages on the bench stack. Per page: app CPU per request as a ratio
// to the floor's, the JavaScript each page's HTML loads (gzipped), and Lighthouse's medians
// (bench/lighthouse.mjs). `npm run bench -- --only=pages` runs this part alone.
// Figures, never assertions.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bin, root, service } from "../scripts/service.mjs";
import { startStack, stackSettings } from "../scripts/stack.mjs";
import { measure, nextVersion, pageJs, redirectHops, signedOutFlow } from "./lib.mjs";
import { lighthouseRows } from "./lighthouse.mjs";

const FLOOR_APP = path.join(root, "bench", "floor-app");
const FLOOR_DIST = ".next-floor";
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
// Every page row at one paced rate: CPU per request rises as the rate falls, so rows driven
// as fast as each answers would compare the app at 30/s with the floor at 70/s. 25/s is under
// what the slowest row (a first visit, which also creates a flow) reaches on a busy 2-core host.
const PAGE_RATE = Number(process.env.BENCH_PAGE_RATE ?? 25);

function step(cmd, args, { cwd = root, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** Builds the floor app once per Next version and sources (its own dist folder, stamped). */
async function buildFloorPage(log) {
  const stamp = path.join(FLOOR_APP, FLOOR_DIST, "built-with-next");
  const sources = [
    "app/page.jsx",
    "app/SignInForm.jsx",
    "app/flow/page.jsx",
    "app/layout.jsx",
    "proxy.js",
    "instrumentation.js",
    "next.config.mjs",
  ]
    .map((f) => readFileSync(path.join(FLOOR_APP, f), "utf8"))
    .join("\n");
  const version = `${nextVersion()} ${createHash("sha256").update(sources).digest("hex")}`;
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === version) return;
  log(`[bench] building the page floor: a bare Next ${nextVersion()} dynamic page (bench/floor-app)…`);
  if ((await step(bin("next"), ["build"], { cwd: FLOOR_APP, env: { NEXT_DIST_DIR: FLOOR_DIST } })) !== 0)
    throw new Error("the page floor's next build failed");
  writeFileSync(stamp, version);
}

const http = (url, headers = {}) => ({
  kind: "http",
  url,
  headers,
  expectStatus: 200,
  rate: PAGE_RATE,
  connections: CONNECTIONS,
  warmupSec: WARMUP,
  durationSec: DURATION,
});

/**
 * The page-floor part, on the bench profile's stack and ports (the floor page on its
 * `pageFloor` port). `build`: build the app into the profile's dist folder first (false when
 * the caller's scenario just built it).
 */
export async function pageFloor({ build = true, log = console.log } = {}) {
  await buildFloorPage(log);
  const s = stackSettings("bench");
  if (build) {
    log("[bench] building the app…");
    if ((await step(bin("next"), ["build"], { env: { NEXT_DIST_DIR: s.distDir, APP_URL: s.appUrl } })) !== 0)
      throw new Error("the app's next build failed");
  }
  const stack = await startStack("bench", { log });
  const floorUrl = `http://127.0.0.1:${stack.settings.ports.pageFloor}`;
  const floor = service(
    {
      name: "the page floor",
      cmd: bin("next"),
      args: ["start", "-p", String(stack.settings.ports.pageFloor), "-H", "127.0.0.1"],
      cwd: FLOOR_APP,
      env: {
        NODE_ENV: "production",
        NEXT_DIST_DIR: FLOOR_DIST,
        KRATOS_PUBLIC_URL: stack.settings.kratosPublicUrl,
      },
      logFile: path.join(stack.settings.dataDir, "page-floor.log"),
      ready: { url: `${floorUrl}/` },
    },
    log,
  );
  try {
    await floor.start();
    const appUrl = stack.settings.appUrl;
    const app = stack.processes.app.pid;
    const kratos = stack.processes.kratos.pid;
    const flows = {};
    for (const kind of ["login", "registration", "recovery"]) flows[kind] = await signedOutFlow(appUrl, kind);
    const plan = [
      [
        "page_floor",
        "page floor: bare Next dynamic page (nonce CSP)",
        http(`${floorUrl}/`),
        { app: floor.child.pid },
      ],
      // The limit of a flow page: the floor page reading the login flow from Kratos first.
      [
        "page_floor_flow",
        "page floor + one flow read from Kratos",
        http(`${floorUrl}/flow?flow=${flows.login.flow}`, { cookie: flows.login.cookie }),
        { app: floor.child.pid, kratos },
      ],
      ["first_login", "first visit: GET /login (starts a flow)", http(`${appUrl}/login`), { app, kratos }],
      ...Object.entries(flows).map(([kind, f]) => [
        `flow_${kind}`,
        `flow page: GET /${kind}?flow=… (rendered)`,
        http(`${appUrl}/${kind}?flow=${f.flow}`, { cookie: f.cookie }),
        { app, kratos },
      ]),
    ];
    const rows = [];
    for (const [id, name, spec, servers] of plan) {
      const r = await measure(name, spec, servers);
      rows.push({ id, ...r });
      log(
        `[bench] ${name}: ${Math.round(r.rps)}/s, app ${r.app_cpu_ms?.toFixed(2)} ms CPU/req` +
          (r.errors ? `, ${r.errors} errors${r.first_error ? ` (${r.first_error})` : ""}` : ""),
      );
    }
    const floorCpu = rows[0].app_cpu_ms;
    for (const r of rows) r.x_floor = +(r.app_cpu_ms / floorCpu).toFixed(2);

    const pages = [
      { name: "page floor", url: `${floorUrl}/` },
      ...["login", "registration", "recovery"].map((k) => ({ name: `/${k}`, url: `${appUrl}/${k}` })),
    ];
    const js = [];
    for (const p of pages)
      js.push({ page: p.name, redirect_hops: await redirectHops(p.url), ...(await pageJs(p.url)) });
    const lighthouse = await lighthouseRows(pages, { log });
    return { rows, js, lighthouse };
  } finally {
    await floor.stop();
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
    "| page (first visit) | redirect hops | JS gzipped KB | − floor | performance | TBT ms | main thread ms | FCP ms | LCP ms | a11y / BP / SEO |",
    "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --- |",
    ...js.map((j) => {
      const l = lighthouse.find((x) => x.name === j.page) ?? {};
      return `| ${j.page} | ${j.redirect_hops} | ${j.gzip_kb} | ${(j.gzip_kb - floorJs).toFixed(1)} | ${l.performance ?? ""} | ${l.tbt_ms ?? ""} | ${l.main_thread_ms ?? ""} | ${l.fcp_ms ?? ""} | ${l.lcp_ms ?? ""} | ${l.accessibility ?? ""} / ${l.best_practices ?? ""} / ${l.seo ?? ""} |`;
    }),
  ];
  return `${out.join("\n")}\n`;
}
