import { describe, expect, it } from "vitest";
import { judgeTestssl, type TestsslFinding } from "../scripts/tls-audit.mjs";

// testssl 3.0.8's findings (-p -P -L -B, --jsonfile) for the cluster's nginx as
// deploy/nginx.conf.template configures it.
const AS_INTENDED: TestsslFinding[] = [
  {
    id: "engine_problem",
    severity: "WARN",
    finding: "No engine or GOST support via engine with your /usr/bin/openssl",
  },
  { id: "service", severity: "INFO", finding: "HTTP" },
  { id: "SSLv2", severity: "OK", finding: "not offered" },
  { id: "SSLv3", severity: "OK", finding: "not offered" },
  { id: "TLS1", severity: "INFO", finding: "not offered" },
  { id: "TLS1_1", severity: "INFO", finding: "not offered" },
  { id: "TLS1_2", severity: "OK", finding: "offered" },
  { id: "TLS1_3", severity: "OK", finding: "offered with final" },
  { id: "ALPN_HTTP2", severity: "OK", finding: "h2" },
  { id: "cipher_order", severity: "OK", finding: "server" },
  { id: "protocol_negotiated", severity: "OK", finding: "Default protocol TLS1.3" },
  {
    id: "cipherorder_TLSv1_2",
    severity: "INFO",
    finding: "ECDHE-ECDSA-AES128-GCM-SHA256 ECDHE-ECDSA-AES256-GCM-SHA384 ECDHE-ECDSA-CHACHA20-POLY1305",
  },
  {
    id: "cipherorder_TLSv1_3",
    severity: "INFO",
    finding: "TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256",
  },
  {
    id: "BREACH",
    severity: "OK",
    finding: "not vulnerable, no HTTP compression  - only supplied '/' tested",
  },
  { id: "LUCKY13", severity: "OK", finding: "not vulnerable" },
];

/** The findings with one of them replaced. */
const changed = (id: string, change: Partial<TestsslFinding>) =>
  AS_INTENDED.map((f) => (f.id === id ? { ...f, ...change } : f));

describe("judgeTestssl", () => {
  it("finds nothing wrong with the intended configuration", () => {
    expect(judgeTestssl(AS_INTENDED)).toEqual([]);
  });

  it("names what testssl found in the issue's configuration: CBC suites, no server order, gzip", () => {
    const problems = judgeTestssl(
      changed("cipherorder_TLSv1_2", {
        finding: "ECDHE-ECDSA-AES128-GCM-SHA256 ECDHE-ECDSA-AES128-SHA256 ECDHE-ECDSA-AES256-SHA",
      })
        .map((f) =>
          f.id === "LUCKY13"
            ? { ...f, severity: "LOW", finding: "potentially vulnerable, uses TLS CBC ciphers" }
            : f,
        )
        .map((f) =>
          f.id === "cipher_order" ? { ...f, severity: "HIGH", finding: "NOT a cipher order configured" } : f,
        )
        .map((f) =>
          f.id === "BREACH"
            ? { ...f, severity: "MEDIUM", finding: "potentially VULNERABLE, uses gzip HTTP compression" }
            : f,
        ),
    );
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "cipher_order",
      "cipherorder_TLSv1_2",
      "LUCKY13",
      "BREACH",
    ]);
  });

  it("refuses an old protocol, a TLS 1.3 suite outside the AEAD three, and a missing TLS 1.3", () => {
    expect(
      judgeTestssl(changed("TLS1_1", { severity: "LOW", finding: "offered (deprecated)" })),
    ).toHaveLength(1);
    expect(
      judgeTestssl(changed("cipherorder_TLSv1_3", { finding: "TLS_AES_128_CCM_8_SHA256" })),
    ).toHaveLength(1);
    expect(judgeTestssl(changed("TLS1_3", { severity: "MEDIUM", finding: "not offered" }))).toHaveLength(1);
  });

  it("counts a check testssl did not report as a problem, not as a pass", () => {
    expect(judgeTestssl(AS_INTENDED.filter((f) => f.id !== "BREACH"))).toEqual([
      "BREACH: no finding (testssl did not test it)",
    ]);
    expect(judgeTestssl([])).toHaveLength(11);
  });

  it("refuses any other HIGH or CRITICAL finding and any scan warning but the local openssl's", () => {
    expect(
      judgeTestssl([...AS_INTENDED, { id: "heartbleed", severity: "CRITICAL", finding: "VULNERABLE" }]),
    ).toEqual(['heartbleed: "VULNERABLE" (CRITICAL)']);
    expect(
      judgeTestssl([...AS_INTENDED, { id: "scanProblem", severity: "WARN", finding: "Scan interrupted" }]),
    ).toEqual(['scanProblem: "Scan interrupted" (WARN)']);
  });
});
