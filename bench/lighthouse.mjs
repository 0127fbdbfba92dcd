// Lighthouse rows for the bench: the pinned lighthouse (devDependency) on Debian's Chromium,
// mobile preset (Lighthouse's default: emulated phone, simulated slow 4G and 4× CPU slowdown),
// headless, each URL run RUNS times in a fresh browser profile (a first visit: no cookies), and
// each figure the median of the runs. Figures, never assertions.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const RETRIES = 3;
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One Lighthouse run of `url`: its JSON report (lhr). */
function lighthouseRun(url) {
  const args = [
    path.join(root, "node_modules", "lighthouse", "cli", "index.js"),
    url,
    `--chrome-path=${CHROME}`,
    // Root cannot run Chromium's sandbox; headless as the bench has no display.
    `--chrome-flags=--headless=new${process.getuid?.() === 0 ? " --no-sandbox" : ""}`,
    "--only-categories=performance,accessibility,best-practices,seo",
    "--output=json",
    "--output-path=stdout",
    "--quiet",
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out))
        : reject(new Error(`lighthouse ${url} exited ${code}: ${err.slice(-500)}`)),
    );
  });
}

/** The figures of one run that the bench reports. */
function figures(lhr) {
  const a = lhr.audits;
  const score = (c) => Math.round((lhr.categories[c]?.score ?? NaN) * 100);
  const scripts = a["resource-summary"]?.details?.items?.find((i) => i.resourceType === "script");
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    best_practices: score("best-practices"),
    seo: score("seo"),
    fcp_ms: a["first-contentful-paint"]?.numericValue,
    lcp_ms: a["largest-contentful-paint"]?.numericValue,
    tbt_ms: a["total-blocking-time"]?.numericValue,
    main_thread_ms: a["mainthread-work-breakdown"]?.numericValue,
    redirects_ms: a["redirects"]?.numericValue ?? a["redirects"]?.details?.overallSavingsMs ?? 0,
    script_kb: scripts ? scripts.transferSize / 1024 : NaN,
  };
}

/** Lighthouse's medians for each `{ name, url }`. */
export async function lighthouseRows(pages, { log = console.log } = {}) {
  if (!existsSync(CHROME)) {
    log(`[bench] no Chromium at ${CHROME} (CHROME_PATH): Lighthouse rows left out`);
    return [];
  }
  const rows = [];
  for (const { name, url } of pages) {
    const runs = [];
    // Lighthouse now and then fails to record a trace on a busy machine (NO_NAVSTART): such a
    // run is tried again, a few times per page.
    let failures = 0;
    while (runs.length < RUNS) {
      try {
        runs.push(figures(await lighthouseRun(url)));
      } catch (err) {
        if (++failures > RETRIES) throw err;
        log(`[bench] lighthouse ${name}: a run failed, once more: ${err.message.split("\n")[0]}`);
      }
    }
    const row = { name, url, runs: RUNS };
    for (const k of Object.keys(runs[0])) {
      const m = median(runs.map((r) => r[k]));
      row[k] = m === null ? null : +m.toFixed(k.endsWith("_kb") ? 1 : 0);
    }
    log(
      `[bench] lighthouse ${name}: performance ${row.performance}, TBT ${row.tbt_ms} ms, ` +
        `main thread ${row.main_thread_ms} ms, scripts ${row.script_kb} KB`,
    );
    rows.push(row);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const urls = process.argv.slice(2);
  console.table(await lighthouseRows(urls.map((url) => ({ name: url, url }))));
}
