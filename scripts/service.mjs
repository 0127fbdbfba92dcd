// The one service helper of the stacks: a process in its own process group with its log file,
// started and then waited for until it answers, stopped with SIGTERM and SIGKILL after a grace
// period (the whole group: `next start` and npm-started tools fork children of their own).
// Parts that live in this process (the fault relay, the cluster's control port) join a stack
// through the same { name, start, stop } shape.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Spawns `cmd` as the leader of a new process group; stdout and stderr go to `logFile`. */
export function run(cmd, args, { cwd = root, env, logFile, inherit = false } = {}) {
  const out = logFile ? createWriteStream(logFile, { flags: "a" }) : null;
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: inherit ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  if (out) {
    // Both streams go to one file: it is closed when the process is gone, not when the first
    // of them ends (a line on stderr after stdout closed would be a write after end).
    child.stdout?.pipe(out, { end: false });
    child.stderr?.pipe(out, { end: false });
    child.on("close", () => out.end());
  }
  return child;
}

/** Runs a command to its end (a migration); rejects naming it when it fails. */
export function runToEnd(name, cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = run(cmd, args, opts);
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}`))));
  });
}

/** Stops a process started by run(): SIGTERM to its group, SIGKILL after `graceMs`. */
export function stopProcess(child, graceMs = 5000) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    // After SIGKILL, still wait for the exit (a restart must find the port free), but not forever.
    const t = setTimeout(() => (kill("SIGKILL"), setTimeout(resolve, 5000).unref()), graceMs);
    child.once("exit", () => (clearTimeout(t), resolve()));
    kill("SIGTERM");
  });
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when `url` answers 2xx; `ca` trusts a self-signed https certificate. */
function answers(url, ca) {
  if (!ca)
    return fetch(url, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    );
  return new Promise((resolve) => {
    const req = https.get(url, { ca, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode >= 200 && res.statusCode < 300);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
  });
}

function listens(port) {
  return new Promise((resolve) => {
    const sock = net.connect(port, "127.0.0.1");
    sock.once("connect", () => (sock.destroy(), resolve(true)));
    sock.once("error", () => resolve(false));
  });
}

/** The loopback ports of `ready`'s checks that something already listens on. */
async function takenPorts(ready) {
  const ports = [ready].flat().map((c) => {
    if (c.port) return c.port;
    const u = new URL(c.url);
    if (!["localhost", "127.0.0.1"].includes(u.hostname)) return undefined;
    return Number(u.port || (u.protocol === "https:" ? 443 : 80));
  });
  const unique = [...new Set(ports.filter(Boolean))];
  const listening = await Promise.all(unique.map(listens));
  return unique.filter((_, i) => listening[i]);
}

/**
 * Waits until every `ready` check passes: { url } answers 2xx (over https trusting `ca`), or
 * { port } accepts connections. Fails as soon as `child` exits, or after `timeoutMs`.
 */
export async function waitReady(name, ready, { child, timeoutMs = 120_000, log = console.log } = {}) {
  const checks = [ready].flat();
  const started = Date.now();
  let lastNote = started;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    const ok = await Promise.all(checks.map((c) => (c.port ? listens(c.port) : answers(c.url, c.ca))));
    if (ok.every(Boolean)) return;
    if (Date.now() - started > timeoutMs)
      throw new Error(`${name} was not ready (${checks.map((c) => c.url ?? `:${c.port}`).join(", ")})`);
    if (Date.now() - lastNote > 15_000) {
      log(`[stack] waiting for ${name}… ${Math.round((Date.now() - started) / 1000)}s`);
      lastNote = Date.now();
    }
    await pause(200);
  }
}

/**
 * One restartable process: { name, cmd, args, cwd?, env?, logFile?, inherit?, ready, timeoutMs?,
 * afterReady? }. start() spawns it, waits for `ready` (see waitReady) and then runs `afterReady`
 * (a step that needs it up: registering a client); stop() ends its process group.
 */
export function service(spec, log = console.log) {
  let child;
  return {
    name: spec.name,
    logFile: spec.logFile,
    get child() {
      return child;
    },
    get running() {
      return Boolean(child && child.exitCode === null && child.signalCode === null);
    },
    async start() {
      if (this.running) return;
      // Another process on one of its ports would pass the readiness check for a process that
      // could not bind it (and exits a moment later): refuse to start instead.
      // A process stopped a moment ago may still be closing its listener: give it 3 s.
      let taken = await takenPorts(spec.ready);
      for (let i = 0; i < 15 && taken.length > 0; i++) {
        await pause(200);
        taken = await takenPorts(spec.ready);
      }
      if (taken.length > 0)
        throw new Error(
          `${spec.name}: port ${taken.join(", ")} is in use by another process ` +
            "(another stack still running? stop it, or move this one with the port's variable)",
        );
      child = run(spec.cmd, spec.args, spec);
      await waitReady(spec.name, spec.ready, { child, timeoutMs: spec.timeoutMs, log });
      await spec.afterReady?.();
    },
    stop: () => stopProcess(child, spec.graceMs),
  };
}

export function tail(file, lines = 40) {
  if (!file || !existsSync(file)) return "";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

/**
 * The parts of one stack, started in order and stopped in reverse. add() starts a part; when a
 * start fails, every log's tail is printed, what is up is stopped, and the error is rethrown.
 * stop() runs once, however often it is called (Ctrl-C during a failing start).
 */
export function partsGroup(log = console.log) {
  const parts = [];
  const logs = [];
  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      for (const p of parts.reverse()) {
        try {
          await p.stop();
        } catch (err) {
          log(`[stack] stopping ${p.name}: ${err.message}`);
        }
      }
    })());
  return {
    parts,
    stop,
    /** A log file to show when something fails (a migration's, before its service exists). */
    log: (file) => logs.push(file),
    async add(part) {
      parts.push(part);
      if (part.logFile) logs.push(part.logFile);
      await part.start();
      return part;
    },
    async fail(err) {
      log(`\n[stack] ${err.message}`);
      for (const f of new Set(logs)) {
        const t = tail(f);
        if (t) log(`\n--- last lines of ${path.relative(root, f)} ---\n${t}`);
      }
      await stop();
      throw err;
    },
  };
}
