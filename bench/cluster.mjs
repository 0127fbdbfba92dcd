// The load table of `npm run bench` (issue 11): N users at once, each signing in with a password
// and then loading a protected page, on the production-shaped stack (the cluster profile of scripts/profiles.mjs: nginx
// with TLS, standalone servers, Kratos on PostgreSQL at bcrypt cost 12, Redis). Three runs: through
// nginx to two instances, to one instance, and the same sign-in straight at Kratos. Besides
// latency and throughput, where the CPU went per sign-in, read from /proc: Kratos (mostly the
// password hash), the Next instances, the PostgreSQL backends serving Kratos's database, nginx,
// Redis and the load driver itself.
import { spawnSync } from "node:child_process";
import os from "node:os";
import { pgArgs } from "../scripts/cluster.mjs";
import { buildStandalone, startStack } from "../scripts/stack.mjs";
import { makeAccounts, measure, pidsCpuMs, rssMb, treeCpuMs } from "./lib.mjs";

// Eight users on two cores: each sign-in waits about a third of a second for one core's bcrypt
// hash, so four users per core keep both cores busy with a queue in front of them (the table's
// "busy" column shows it), without a wait so long that it is only queueing that gets measured.
const USERS = Number(process.env.BENCH_CLUSTER_USERS ?? 8);
const DURATION = Number(process.env.BENCH_CLUSTER_DURATION ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const BCRYPT_COST = 12;
// Enough accounts that none gets near the app's 10 sign-ins per account per 5 minutes.
const ACCOUNTS = Number(process.env.BENCH_CLUSTER_ACCOUNTS ?? 40);
const PROTECTED_PAGE = "/secure-account";

/** The PostgreSQL backends serving a database right now (their pids, from pg_stat_activity). */
function pgBackends(database) {
  const r = spawnSync(
    "psql",
    [...pgArgs(), "-d", "postgres", "-Atc", `select pid from pg_stat_activity where datname = '${database}'`],
    { encoding: "utf8" },
  );
  return r.status === 0 ? r.stdout.split("\n").filter(Boolean).map(Number) : [];
}

/**
 * CPU so far of the backends serving `database`: every backend seen in any sample counts, with
 * its last reading once it has exited (Kratos's pool may close and open connections).
 */
function pgCpu(database) {
  const last = new Map();
  return () => {
    for (const pid of pgBackends(database)) if (!last.has(pid)) last.set(pid, 0);
    for (const pid of last.keys()) {
      const ms = pidsCpuMs([pid], { missing: NaN });
      if (Number.isFinite(ms)) last.set(pid, ms);
    }
    return [...last.values()].reduce((a, b) => a + b, 0);
  };
}

async function runOn(cluster, id, name, spec, { withApp }) {
  const p = cluster.pids();
  const apps = cluster.instances.map((i) => i.pid());
  const servers = {
    kratos: p.kratos,
    ...(withApp ? { next: () => apps.reduce((sum, pid) => sum + treeCpuMs(pid), 0), nginx: p.nginx } : {}),
    postgres: pgCpu(cluster.database),
    ...(p.redis ? { redis: p.redis } : {}),
  };
  const r = await measure(name, { ...spec, warmupSec: WARMUP, durationSec: DURATION }, servers);
  const row = {
    id,
    users: spec.connections,
    ...r,
    ...(withApp ? { app_rss_mb: apps.map((pid) => Math.round(rssMb(pid))) } : {}),
  };
  // Share of the machine the servers and the driver kept busy during the measured part.
  const cpuMs = Object.entries(row)
    .filter(([k]) => k.endsWith("_cpu_ms"))
    .reduce((sum, [, v]) => sum + (Number.isFinite(v) ? v : 0), 0);
  row.busy_pct = (100 * cpuMs * r.completed) / (r.seconds * 1000 * os.availableParallelism());
  // On a shared machine the neighbours' load explains a "busy" well below 100.
  row.loadavg_1m = os.loadavg()[0];
  console.log(
    `[bench] ${name}: ${row.rps.toFixed(1)} sign-ins/s, p50 ${Math.round(row.p50_ms)} ms, ` +
      `p95 ${Math.round(row.p95_ms)} ms, ${row.errors} errors${row.first_error ? ` (${row.first_error})` : ""}, ` +
      `${Math.round(row.busy_pct)} % of the cores busy`,
  );
  return row;
}

/** Builds the standalone server and runs the three load rows; returns the cluster part of the JSON. */
export async function clusterLoad({ log = console.log } = {}) {
  const quiet = (line) => (line.startsWith("\n") ? log(line) : undefined);
  await buildStandalone({ log });
  // One client address per user, as behind nginx in production: the app's per-address limit
  // (300 submissions a minute) then sees users, not the bench.
  const localAddresses = Array.from({ length: USERS }, (_, i) => `127.0.0.${i + 2}`);
  const rows = [];
  for (const instances of [2, 1]) {
    log(`[bench] starting the cluster with ${instances} app instance(s), Kratos at bcrypt ${BCRYPT_COST}…`);
    const cluster = await startStack("cluster", { instances, bcryptCost: BCRYPT_COST, log: quiet });
    try {
      const users = await makeAccounts(cluster.settings.kratosAdminUrl, ACCOUNTS);
      const signin = (target, base, then) => ({
        kind: "signin",
        target,
        base,
        users,
        connections: USERS,
        localAddresses,
        ...(then ? { then, ca: cluster.ca.toString() } : {}),
      });
      rows.push(
        await runOn(
          cluster,
          `nginx_${instances}`,
          `through nginx (TLS) to ${instances} instance${instances > 1 ? "s" : ""}`,
          signin("app", cluster.settings.appUrl, PROTECTED_PAGE),
          { withApp: true },
        ),
      );
      if (instances === 2) {
        rows.push(
          await runOn(
            cluster,
            "kratos_direct",
            "the same sign-in straight at Kratos (no page)",
            signin("kratos", cluster.settings.kratosPublicUrl),
            { withApp: false },
          ),
        );
      }
    } finally {
      await cluster.stop();
    }
  }
  return {
    settings: { users: USERS, duration_s: DURATION, warmup_s: WARMUP, bcrypt_cost: BCRYPT_COST },
    rows,
  };
}

const fix = (v, d = 0) => (Number.isFinite(v) ? +v.toFixed(d) : "");

export function printCluster({ settings, rows }) {
  console.table(
    rows.map((r) => ({
      row: r.name,
      users: r.users,
      errors: r.errors,
      "p50 ms": fix(r.p50_ms),
      "p95 ms": fix(r.p95_ms),
      "sign-ins/s": fix(r.rps, 1),
      "app RSS MB": r.app_rss_mb ? r.app_rss_mb.join(" + ") : "",
      "Kratos ms": fix(r.kratos_cpu_ms),
      "Next ms": fix(r.next_cpu_ms),
      "PostgreSQL ms": fix(r.postgres_cpu_ms),
      "nginx ms": fix(r.nginx_cpu_ms),
      "Redis ms": fix(r.redis_cpu_ms, 1),
      "driver ms": fix(r.driver_cpu_ms),
      "busy %": fix(r.busy_pct),
      "load avg": fix(r.loadavg_1m, 1),
    })),
  );
  console.log(
    `CPU ms per sign-in (flow, password, whoami, then ${PROTECTED_PAGE} through the app) from /proc; ` +
      `bcrypt cost ${settings.bcrypt_cost}, ${settings.duration_s} s per row after ${settings.warmup_s} s of warm-up.\n` +
      '"busy %": the servers\' and the driver\'s CPU over the cores available (saturated near 100); "load avg":\n' +
      "the machine's 1-minute load average after the row (other work on the machine leaves the bench less).",
  );
}
