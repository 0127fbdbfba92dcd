// Helpers of the bench (bench.mjs, cluster.mjs, page-floor.mjs): one measured run, server
// CPU from /proc, accounts, pages as a browser asks for them, saved results.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import { createInterface } from "node:readline";
import { gzipSync } from "node:zlib";
import { root } from "../scripts/service.mjs";

const RESULTS_DIR = path.join(root, "bench", "results");

// ---- server CPU from /proc -----------------------------------------------------------------

const CLK_TCK = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

function procStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: the fields start after the last ")".
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null; // exited meanwhile
  }
}

/** CPU milliseconds used so far by a process and all its descendants (`next start` forks one). */
export function treeCpuMs(rootPid) {
  const stats = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const st = procStat(name);
    if (st) stats.set(Number(name), st);
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop();
    total += stats.get(pid)?.ticks ?? 0;
    for (const [child, st] of stats) if (st.ppid === pid) queue.push(child);
  }
  return (total * 1000) / CLK_TCK;
}

/** CPU milliseconds used so far by these processes themselves (no descendants); `missing` for a gone one. */
export function pidsCpuMs(pids, { missing = 0 } = {}) {
  let total = 0;
  for (const pid of pids) {
    const st = procStat(pid);
    total += st ? (st.ticks * 1000) / CLK_TCK : missing;
  }
  return total;
}

/** Resident memory of a process in MB (VmRSS), or NaN when it is gone. */
export function rssMb(pid) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

// ---- one measured run ------------------------------------------------------------------------

/**
 * Runs bench/load.mjs with `spec` in its own process and reads the servers' CPU around
 * the measured part. `servers` maps a name ("app", "kratos", …) to a root pid (its process tree
 * is counted) or to a function returning CPU ms so far. The load generator's own CPU comes back
 * as `driver_cpu_ms`: with it, the row says how much of the machine the run kept busy.
 */
export function measure(name, spec, servers) {
  const samplers = Object.entries({ ...servers }).map(([k, v]) => [
    k,
    typeof v === "function" ? v : () => treeCpuMs(v),
  ]);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "bench", "load.mjs"), JSON.stringify(spec)], {
      cwd: root,
      stdio: ["pipe", "pipe", "inherit"],
    });
    const sample = () =>
      Object.fromEntries([...samplers.map(([k, f]) => [k, f()]), ["driver", treeCpuMs(child.pid)]]);
    let before;
    let result;
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line === "warm") {
        before = sample();
        child.stdin.write("go\n");
      } else if (line.startsWith("{")) {
        const after = sample();
        const r = JSON.parse(line);
        const cpu = Object.fromEntries(
          Object.keys(after).map((k) => [
            `${k}_cpu_ms`,
            r.completed ? (after[k] - before[k]) / r.completed : NaN,
          ]),
        );
        result = { name, ...r, ...cpu };
      }
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      result ? resolve(result) : reject(new Error(`bench/load.mjs for "${name}" exited with ${code}`)),
    );
  });
}

// ---- accounts, machine, results ------------------------------------------------------------

/**
 * Accounts for the sign-in rows, made through Kratos's admin API. The app allows 10 sign-in
 * attempts per account per 5 minutes, so the scenario cycles through enough of them.
 */
export async function makeAccounts(adminUrl, count, { concurrency = 4 } = {}) {
  const password = randomBytes(18).toString("base64url");
  const tag = `${Date.now()}-${process.pid}`;
  const users = Array.from({ length: count }, (_, i) => ({
    email: `bench-${tag}-${i}@example.test`,
    password,
  }));
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < users.length) {
        const u = users[next++];
        const res = await fetch(`${adminUrl}/admin/identities`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            schema_id: "default",
            traits: { email: u.email },
            credentials: { password: { config: { password: u.password } } },
          }),
        });
        if (res.status !== 201) throw new Error(`creating ${u.email}: ${res.status} ${await res.text()}`);
      }
    }),
  );
  return users;
}

export function nextVersion() {
  return JSON.parse(readFileSync(path.join(root, "node_modules", "next", "package.json"), "utf8")).version;
}

export function machine() {
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model,
    node: process.version,
    next: nextVersion(),
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
  };
}

/** Moves latest.json to previous.json and writes the new run as latest.json. */
export function save(file, data) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const latest = path.join(RESULTS_DIR, `${file}latest.json`);
  const previous = path.join(RESULTS_DIR, `${file}previous.json`);
  const before = existsSync(latest) ? JSON.parse(readFileSync(latest, "utf8")) : null;
  if (before) renameSync(latest, previous);
  writeFileSync(latest, JSON.stringify(data, null, 2));
  console.log(
    `[bench] saved ${path.relative(root, latest)}${before ? ` (the run before: ${path.relative(root, previous)})` : ""}`,
  );
  return before;
}

// ---- pages as a browser asks for them -----------------------------------------------------

/**
 * One GET as a browser's navigation sends it (`sec-fetch-mode: navigate`, which decides whether
 * the app starts a flow in the first response). Over node:http: `fetch` always sends
 * `sec-fetch-mode: cors`. Redirects are not followed.
 */
export function navigate(url, { cookie = "" } = {}) {
  return new Promise((resolve, reject) => {
    const headers = { accept: "text/html", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" };
    if (cookie) headers.cookie = cookie;
    const req = http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** Redirects a navigation to `url` follows before a page answers 200 (NaN: no page within 10). */
export async function redirectHops(url) {
  let next = url;
  for (let hops = 0; hops < 10; hops++) {
    const res = await navigate(next);
    if (res.status < 300 || res.status >= 400) return res.status === 200 ? hops : NaN;
    next = new URL(res.headers.location, next).href;
  }
  return NaN;
}

/**
 * The JavaScript a page's HTML loads (module scripts; the nomodule polyfill is left out), raw
 * and gzip -9, in KB. `url` must answer 200 to a navigation with `cookie`.
 */
export async function pageJs(url, cookie = "") {
  const res = await navigate(url, { cookie });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}, not a page`);
  const tags = [...res.body.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter(
    (m) => !/\bnoModule\b/i.test(m[0]),
  );
  const srcs = [...new Set(tags.map((m) => m[1]))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { scripts: srcs.length, raw_kb: +(raw / 1024).toFixed(1), gzip_kb: +(gz / 1024).toFixed(1) };
}

/** A signed-out browser's new flow through the BFF, with its CSRF cookie (reading the flow needs it). */
export async function signedOutFlow(appUrl, kind) {
  const res = await fetch(`${appUrl}/api/kratos/self-service/${kind}/browser`, { redirect: "manual" });
  const flow = new URL(res.headers.get("location"), appUrl).searchParams.get("flow");
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { flow, cookie };
}
