// The front door's TLS and compression, checked from outside: Debian's testssl.sh against the
// cluster's nginx (protocols, server cipher order and the suites per protocol, LUCKY13,
// BREACH), its JSON findings judged by `judgeTestssl`, plus two requests of our own for what
// testssl cannot see (it sends no cookies): the sign-in page with its CSRF token is served
// uncompressed even when the browser asks for gzip, and the build's static files are still
// compressed. `npm run test:cluster` runs it after the suite and fails on any problem.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

/** TLS 1.2 suites allowed at the front door: ECDHE key exchange, AEAD ciphers (no CBC). */
const TLS12_SUITE = /^ECDHE-(ECDSA|RSA)-(AES128-GCM-SHA256|AES256-GCM-SHA384|CHACHA20-POLY1305)$/;
const TLS13_SUITES = new Set([
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_256_GCM_SHA384",
  "TLS_CHACHA20_POLY1305_SHA256",
]);
/** testssl's note that the local openssl has no GOST engine: about the scanner, not the server. */
const SCANNER_NOTES = new Set(["engine_problem"]);

/**
 * The problems in testssl's flat JSON findings (`--jsonfile`, run with -p -P -L -B); empty
 * when the server is as deploy/nginx.conf.template means it to be. Pure.
 * @param {{ id: string, severity: string, finding: string }[]} findings
 * @returns {string[]}
 */
export function judgeTestssl(findings) {
  const problems = [];
  const byId = new Map(findings.map((f) => [f.id, f]));
  const expect = (id, ok, what) => {
    const f = byId.get(id);
    if (!f) problems.push(`${id}: no finding (testssl did not test it)`);
    else if (!ok(f)) problems.push(`${id}: "${f.finding}" (${f.severity}), expected ${what}`);
  };
  for (const id of ["SSLv2", "SSLv3", "TLS1", "TLS1_1"])
    expect(id, (f) => f.finding.startsWith("not offered"), "not offered");
  expect("TLS1_2", (f) => f.finding === "offered", "offered");
  expect("TLS1_3", (f) => f.finding.startsWith("offered"), "offered");
  expect("cipher_order", (f) => f.severity === "OK" && f.finding === "server", "the server's order");
  expect(
    "cipherorder_TLSv1_2",
    (f) => suites(f).length > 0 && suites(f).every((s) => TLS12_SUITE.test(s)),
    "ECDHE with AES-GCM or ChaCha20-Poly1305 only",
  );
  expect(
    "cipherorder_TLSv1_3",
    (f) => suites(f).length > 0 && suites(f).every((s) => TLS13_SUITES.has(s)),
    "TLS 1.3's AEAD suites",
  );
  expect("LUCKY13", (f) => f.severity === "OK", "not vulnerable (no CBC suite)");
  expect("BREACH", (f) => f.severity === "OK", "no HTTP compression");
  for (const f of findings) {
    const bad =
      ["HIGH", "CRITICAL"].includes(f.severity) || (f.severity === "WARN" && !SCANNER_NOTES.has(f.id));
    if (bad && !problems.some((p) => p.startsWith(`${f.id}:`)))
      problems.push(`${f.id}: "${f.finding}" (${f.severity})`);
  }
  return problems;
}

const suites = (f) => f.finding.split(/\s+/).filter(Boolean);

/** testssl: $TESTSSL_BIN, else Debian's `testssl` (package testssl.sh) or upstream's `testssl.sh`. */
export function findTestssl() {
  if (process.env.TESTSSL_BIN) return process.env.TESTSSL_BIN;
  for (const dir of (process.env.PATH ?? "").split(":"))
    for (const name of ["testssl", "testssl.sh"])
      if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  return undefined;
}

/** One GET over https trusting only `ca`; resolves with status, headers and the raw body. */
function get(url, { ca, headers = {} }) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, headers, timeout: 15_000 }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error(`GET ${url} timed out`)));
  });
}

const ASKS_FOR_COMPRESSION = { "accept-encoding": "gzip, deflate, br" };

/**
 * What testssl cannot see: a sign-in page with its CSRF token (it needs the flow's cookie) is
 * not compressed, and a static file of the build still is. Returns problems, and the address
 * of a dynamic page that answers 200 without cookies, for testssl's own BREACH check.
 */
async function checkCompression(appUrl, ca) {
  const problems = [];
  const start = await get(`${appUrl}/api/kratos/self-service/login/browser`, { ca });
  const flowPage = start.headers.location;
  if (start.status !== 303 || !flowPage)
    return { problems: [`starting a sign-in flow answered ${start.status}`] };
  const cookie = (start.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const page = await get(new URL(flowPage, appUrl).href, {
    ca,
    headers: { ...ASKS_FOR_COMPRESSION, cookie },
  });
  const html = decoded(page).toString("utf8");
  if (page.status !== 200 || !html.includes('name="csrf_token"'))
    problems.push(`the sign-in page ${flowPage} answered ${page.status} without a CSRF token field`);
  if (page.headers["content-encoding"])
    problems.push(
      `the sign-in page, which carries a CSRF token, is served with ${page.headers["content-encoding"]} (BREACH)`,
    );

  const asset = /\/_next\/static\/[^"'\s]+\.js/.exec(html)?.[0];
  if (!asset) problems.push("the sign-in page links no script of the build");
  else {
    const res = await get(`${appUrl}${asset}`, { ca, headers: { "accept-encoding": "gzip" } });
    if (res.status !== 200 || res.headers["content-encoding"] !== "gzip" || !gunzips(res.body))
      problems.push(
        `the static file ${asset} answered ${res.status} with content-encoding ${res.headers["content-encoding"] ?? "none"}, expected gzip`,
      );
  }

  // testssl's BREACH check GETs one address without cookies and reads Content-Encoding: it
  // must be a page the app renders (200), not a redirect, or the check proves nothing.
  const home = await get(`${appUrl}/`, { ca, headers: ASKS_FOR_COMPRESSION });
  if (home.status !== 200 || !String(home.headers["content-type"]).startsWith("text/html"))
    problems.push(
      `/ answered ${home.status} ${home.headers["content-type"]}, not a page for testssl's BREACH check`,
    );
  return { problems, breachUrl: `${appUrl}/` };
}

/** A response body as sent before any Content-Encoding. */
function decoded({ headers, body }) {
  const decode = { gzip: gunzipSync, deflate: inflateSync, br: brotliDecompressSync }[
    headers["content-encoding"]
  ];
  return decode ? decode(body) : body;
}

function gunzips(body) {
  try {
    return gunzipSync(body).length > 0;
  } catch {
    return false;
  }
}

function runTestssl(bin, args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out });
    });
  });
}

/**
 * Runs the checks against the front door at `appUrl` (an https origin on this machine),
 * trusting certificate `ca`. Resolves with { problems, seconds, report }: `report` is testssl's
 * text output.
 */
export async function auditTls({ appUrl, ca, log = console.log }) {
  const started = Date.now();
  const bin = findTestssl();
  if (!bin)
    return { problems: ["testssl not found: install Debian's testssl.sh (or set TESTSSL_BIN)"], seconds: 0 };
  const { problems, breachUrl } = await checkCompression(appUrl, ca);
  if (!breachUrl) return { problems, seconds: (Date.now() - started) / 1000 };

  const dir = mkdtempSync(path.join(os.tmpdir(), "tls-audit-"));
  const jsonFile = path.join(dir, "testssl.json");
  try {
    log(`[tls] testssl -p -P -L -B ${breachUrl}…`);
    const { code, signal, out } = await runTestssl(
      bin,
      [
        ...["--quiet", "--color", "0", "--warnings", "batch", "--nodns", "none"],
        // The name stays in the URL (SNI, Host); --ip spares testssl the DNS lookups.
        ...["--ip", new URL(appUrl).hostname === "localhost" ? "127.0.0.1" : new URL(appUrl).hostname],
        ...["-p", "-P", "-L", "-B", "--jsonfile", jsonFile, breachUrl],
      ],
      240_000,
    );
    if (!existsSync(jsonFile))
      return {
        problems: [
          ...problems,
          `testssl ended (${signal ?? code}) without findings:\n${out.trim().split("\n").slice(-15).join("\n")}`,
        ],
        seconds: (Date.now() - started) / 1000,
        report: out,
      };
    problems.push(...judgeTestssl(JSON.parse(readFileSync(jsonFile, "utf8"))));
    return { problems, seconds: (Date.now() - started) / 1000, report: out };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node scripts/tls-audit.mjs <https origin> <certificate file>`: the same checks against a
// running front door, e.g. `npm run dev -- --cluster`'s (https://localhost:3443 and
// .data/cluster/tls/cert.pem).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [appUrl, caFile] = process.argv.slice(2);
  if (!appUrl || !caFile) {
    console.error("usage: node scripts/tls-audit.mjs <https origin> <certificate file>");
    process.exit(2);
  }
  const { problems, seconds, report } = await auditTls({ appUrl, ca: readFileSync(caFile) });
  if (report) console.log(report.trim());
  console.log(
    `[tls] ${problems.length ? `${problems.length} problem(s)` : "as intended"} (${Math.round(seconds)}s)`,
  );
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(problems.length ? 1 : 0);
}
