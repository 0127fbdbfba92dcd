// docs/benchmarks.md's tables from one run's JSON, written beside it as latest.md: after a
// run, that document's "Results" part is this file's content.
const num = (v, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : "");

function table(head, align, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(head), line(align.map((a) => (a === "r" ? "--:" : "---"))), ...rows.map(line)].join("\n");
}

function requestTable(rows) {
  const by = Object.fromEntries(rows.map((r) => [r.id, r]));
  const direct = {
    bff_whoami: by.kratos_whoami_matched,
    kratos_whoami_matched: by.kratos_whoami,
    signin_app: by.signin_kratos,
    signin_app_12: by.signin_kratos_12,
  };
  return table(
    ["row", "req/s", "p50 / p99 ms", "errors", "app CPU ms/req", "× floor", "Kratos CPU ms/req", "× direct"],
    ["l", "r", "r", "r", "r", "r", "r", "r"],
    rows.map((r) => {
      const signin = r.id.startsWith("signin");
      const total = (r.app_cpu_ms ?? 0) + (r.kratos_cpu_ms ?? 0);
      const d = direct[r.id];
      let floor = "";
      if (!signin && r.app_cpu_ms !== undefined) {
        floor = num(r.app_cpu_ms / by.floor.app_cpu_ms);
        if (r.id === "bff_whoami") {
          floor += ` (${num(r.app_cpu_ms / by.floor_matched.app_cpu_ms)} same rate`;
          // The limit: a bare route handler making the same one call (older runs lack the row).
          const limit = by.floor_proxy_matched;
          floor += limit ? `; ${num(r.app_cpu_ms / limit.app_cpu_ms)} × floor + one call)` : ")";
        }
      }
      return [
        r.name,
        num(r.rps, 0),
        `${num(r.p50_ms, 0)} / ${num(r.p99_ms, 0)}`,
        r.errors,
        num(r.app_cpu_ms),
        floor,
        num(r.kratos_cpu_ms),
        d ? num((signin ? total : r.kratos_cpu_ms) / d.kratos_cpu_ms) : "",
      ];
    }),
  );
}

function clusterTable({ rows }) {
  return table(
    [
      "run",
      "errors",
      "p50 / p95 ms",
      "sign-ins/s",
      "app RSS MB",
      "Kratos",
      "Next",
      "PostgreSQL",
      "nginx",
      "Redis",
      "driver",
      "busy",
      "load avg",
    ],
    ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"],
    rows.map((r) => [
      r.name,
      r.errors,
      `${num(r.p50_ms, 0)} / ${num(r.p95_ms, 0)}`,
      num(r.rps, 1),
      r.app_rss_mb ? r.app_rss_mb.join(" + ") : "",
      num(r.kratos_cpu_ms, 0),
      num(r.next_cpu_ms, 0),
      num(r.postgres_cpu_ms, 1),
      num(r.nginx_cpu_ms, 1),
      num(r.redis_cpu_ms, 1),
      num(r.driver_cpu_ms, 0),
      `${num(r.busy_pct, 0)} %`,
      num(r.loadavg_1m, 1),
    ]),
  );
}

function targetsTable(rows) {
  const by = Object.fromEntries(rows.map((r) => [r.id, r]));
  const signin = (app, direct) => (app.app_cpu_ms + app.kratos_cpu_ms) / direct.kratos_cpu_ms;
  const targets = [
    [
      "proxied whoami app CPU ≤ 1.3× the floor",
      by.bff_whoami.app_cpu_ms / by.floor.app_cpu_ms,
      1.3,
      ` (${num(by.bff_whoami.app_cpu_ms / by.floor_matched.app_cpu_ms)}× at the same rate)`,
    ],
    [
      "Kratos CPU per proxied whoami within 10% of direct",
      by.bff_whoami.kratos_cpu_ms / by.kratos_whoami_matched.kratos_cpu_ms,
      1.1,
    ],
    [
      "protected page with the cache ≤ 1.1× an unprotected page",
      by.page_cached.app_cpu_ms / by.page_public.app_cpu_ms,
      1.1,
    ],
    [
      "full sign-in through the app ≤ 1.15× straight at Kratos, bcrypt 4",
      signin(by.signin_app, by.signin_kratos),
      1.15,
    ],
    ...(by.signin_app_12
      ? [["the same at bcrypt 12 (production)", signin(by.signin_app_12, by.signin_kratos_12), 1.15]]
      : []),
  ];
  return table(
    ["target", "this run", "met"],
    ["l", "r", "l"],
    targets.map(([name, v, limit, extra = ""]) => [name, `${num(v)}×${extra}`, v <= limit ? "yes" : "no"]),
  );
}

/** Markdown for docs/benchmarks.md's "Results": the run line and the tables it has. */
export function markdownReport(data) {
  const m = data.machine;
  const parts = [
    `Run of ${data.date.slice(0, 10)} (commit ${data.commit}, ${Math.round(data.runtime_s / 60)} min): ` +
      `${m.nproc} cores (${m.cpu}), ${m.memory_gb} GB, Node ${m.node.replace(/^v/, "")}, Next ${m.next}.`,
  ];
  if (data.rows) {
    parts.push("Per request (CPU ms per request):", requestTable(data.rows));
  }
  if (data.cluster) {
    parts.push(
      `Under load (${data.cluster.settings.users} users, bcrypt ${data.cluster.settings.bcrypt_cost}; ` +
        "CPU ms per sign-in, the protected page included):",
      clusterTable(data.cluster),
    );
  }
  // A narrower scenario (whoami) lacks the rows the targets compare.
  if (data.rows?.some((r) => r.id === "signin_app"))
    parts.push("**Targets (issue 13).**", targetsTable(data.rows));
  return `${parts.join("\n\n")}\n`;
}
