// The bench's load generator, run by bench/lib.mjs as a separate process so that its CPU
// is never counted as the server's. One spec (JSON, argv[2]) per run:
//   { kind: "http", url, headers?, expectStatus?, rate?, connections, warmupSec, durationSec }  autocannon
//   { kind: "signin", target: "app" | "kratos", base, users, connections, warmupSec,
//     durationSec, then?, ca?, localAddresses? }   a password sign-in per iteration (below)
// Protocol on stdio: after the warm-up it prints "warm" and waits for "go" on stdin (the
// parent samples the servers' CPU in between), then measures and prints one JSON line.
import http from "node:http";
import https from "node:https";
import { createInterface } from "node:readline";
import autocannon from "autocannon";

const spec = JSON.parse(process.argv[2]);
const lines = createInterface({ input: process.stdin });
const nextLine = () => new Promise((resolve) => lines.once("line", resolve));

async function handshake() {
  process.stdout.write("warm\n");
  if ((await nextLine()) !== "go") process.exit(2);
}

function cannon(opts) {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

async function httpRun() {
  const base = { url: spec.url, headers: spec.headers ?? {}, connections: spec.connections };
  // A fixed request rate instead of as fast as the server answers (to compare at equal load).
  if (spec.rate) base.overallRate = spec.rate;
  if (spec.warmupSec > 0) await cannon({ ...base, duration: spec.warmupSec });
  await handshake();
  const r = await cannon({ ...base, duration: spec.durationSec });
  const unexpected = spec.expectStatus
    ? Object.entries({ "2xx": r["2xx"], "3xx": r["3xx"], "4xx": r["4xx"], "5xx": r["5xx"] })
        .filter(([k]) => k !== `${String(spec.expectStatus)[0]}xx`)
        .reduce((n, [, v]) => n + v, 0)
    : r["4xx"] + r["5xx"];
  return {
    completed: r.requests.total,
    seconds: r.duration,
    rps: r.requests.total / r.duration,
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    errors: r.errors + r.timeouts + unexpected,
  };
}

// ---- the sign-in scenario ----------------------------------------------------------------

/** One request on a keep-alive agent; resolves { status, headers, body }. */
function request(agent, url, { method = "GET", headers = {}, body } = {}) {
  const u = new URL(url);
  const mod = u.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(u, { method, headers, agent, timeout: 30_000 }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

function jar() {
  const cookies = new Map();
  return {
    store(res) {
      for (const c of res.headers["set-cookie"] ?? []) {
        const [pair] = c.split(";");
        const i = pair.indexOf("=");
        cookies.set(pair.slice(0, i), pair.slice(i + 1));
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
  };
}

function expect(res, status, what) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} (wanted ${status})`);
  return res;
}

/**
 * A browser's password sign-in as HTTP calls: create the flow, read it (the CSRF token),
 * submit the form, ask whoami; through the app's BFF or straight at Kratos public. With
 * `then`, it goes on to load that page of the app (a protected page) with the new session.
 */
async function signIn(agent, user) {
  const prefix = spec.target === "app" ? `${spec.base}/api/kratos` : spec.base;
  const j = jar();
  const init = expect(
    await request(agent, `${prefix}/self-service/login/browser`),
    303,
    "create the login flow",
  );
  j.store(init);
  const flowId = new URL(init.headers.location, spec.base).searchParams.get("flow");
  const flow = JSON.parse(
    expect(
      await request(agent, `${prefix}/self-service/login/flows?id=${flowId}`, {
        headers: { cookie: j.header(), accept: "application/json" },
      }),
      200,
      "read the flow",
    ).body,
  );
  const csrf = flow.ui.nodes.find((n) => n.attributes.name === "csrf_token").attributes.value;
  const form = new URLSearchParams({
    csrf_token: csrf,
    method: "password",
    identifier: user.email,
    password: user.password,
  }).toString();
  const submitted = expect(
    await request(agent, `${prefix}/self-service/login?flow=${flowId}`, {
      method: "POST",
      headers: {
        cookie: j.header(),
        "content-type": "application/x-www-form-urlencoded",
        "content-length": Buffer.byteLength(form),
      },
      body: form,
    }),
    303,
    "submit the password",
  );
  j.store(submitted);
  expect(
    await request(agent, `${prefix}/sessions/whoami`, { headers: { cookie: j.header() } }),
    200,
    "whoami",
  );
  if (spec.then) {
    expect(
      await request(agent, `${spec.base}${spec.then}`, { headers: { cookie: j.header() } }),
      200,
      spec.then,
    );
  }
}

async function signinRun() {
  // One virtual user per connection; each gets its own client address when given (so the
  // app's per-address limit sees distinct users, as behind nginx in production).
  const agents = Array.from({ length: spec.connections }, (_, i) => {
    const opts = { keepAlive: true, maxSockets: 1 };
    if (spec.localAddresses) opts.localAddress = spec.localAddresses[i % spec.localAddresses.length];
    if (spec.ca) opts.ca = spec.ca;
    return spec.base.startsWith("https:") ? new https.Agent(opts) : new http.Agent(opts);
  });
  let nextUser = 0;
  const phase = async (seconds) => {
    const times = [];
    let errors = 0;
    let firstError;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      agents.map(async (agent) => {
        while (performance.now() < until) {
          const user = spec.users[nextUser++ % spec.users.length];
          const t = performance.now();
          try {
            await signIn(agent, user);
            times.push(performance.now() - t);
          } catch (err) {
            errors++;
            firstError ??= err.message;
          }
        }
      }),
    );
    return { times, errors, firstError, seconds: seconds + (performance.now() - until) / 1000 };
  };
  if (spec.warmupSec > 0) await phase(spec.warmupSec);
  await handshake();
  const { times, errors, firstError, seconds } = await phase(spec.durationSec);
  times.sort((a, b) => a - b);
  const pct = (p) => (times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))] : NaN);
  return {
    completed: times.length,
    seconds,
    rps: times.length / seconds,
    p50_ms: pct(0.5),
    p95_ms: pct(0.95),
    p99_ms: pct(0.99),
    errors,
    ...(firstError ? { first_error: firstError } : {}),
  };
}

const result = spec.kind === "signin" ? await signinRun() : await httpRun();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
