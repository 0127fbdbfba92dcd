import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  formActionOrigins,
  securityHeaders,
  STATIC_CSP,
  withStaticSecurityHeaders,
} from "@/lib/http/securityHeaders";

const NONCE = "rAnd0mN0nce+/==";

/** The CSP as a map from directive name to its source list. */
function directives(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

describe("contentSecurityPolicy", () => {
  const prod = directives(contentSecurityPolicy(NONCE, { dev: false, formOrigins: [] }));

  it("lets scripts run by nonce and strict-dynamic only", () => {
    expect(prod.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    expect(prod.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("has no 'unsafe-eval' and no websocket source outside development", () => {
    const csp = contentSecurityPolicy(NONCE, { dev: false, formOrigins: [] });
    expect(csp).not.toContain("unsafe-eval");
    expect(prod.get("connect-src")).toEqual(["'self'"]);
  });

  it("adds 'unsafe-eval' and ws: in development only", () => {
    const dev = directives(contentSecurityPolicy(NONCE, { dev: true, formOrigins: [] }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("script-src")).toContain(`'nonce-${NONCE}'`);
    expect(dev.get("connect-src")).toEqual(["'self'", "ws:"]);
  });

  it("forbids framing, plugins and base changes", () => {
    expect(prod.get("frame-ancestors")).toEqual(["'none'"]);
    expect(prod.get("object-src")).toEqual(["'none'"]);
    expect(prod.get("base-uri")).toEqual(["'none'"]);
    expect(prod.get("default-src")).toEqual(["'self'"]);
  });

  it("lets forms post to the app only, by default", () => {
    expect(prod.get("form-action")).toEqual(["'self'"]);
  });

  it("adds the extra form origins to form-action", () => {
    const csp = directives(
      contentSecurityPolicy(NONCE, {
        dev: false,
        formOrigins: ["https://a.example.test", "https://b.example.test"],
      }),
    );
    expect(csp.get("form-action")).toEqual(["'self'", "https://a.example.test", "https://b.example.test"]);
    // The extra origins are not allowed anywhere else.
    expect(csp.get("script-src")).not.toContain("https://a.example.test");
    expect(csp.get("connect-src")).not.toContain("https://a.example.test");
  });

  it("uses the nonce it is given, each time", () => {
    const a = contentSecurityPolicy("nonceA", { dev: false, formOrigins: [] });
    const b = contentSecurityPolicy("nonceB", { dev: false, formOrigins: [] });
    expect(a).toContain("'nonce-nonceA'");
    expect(a).not.toContain("nonceB");
    expect(b).toContain("'nonce-nonceB'");
  });

  it("has each directive once and no empty parts", () => {
    const csp = contentSecurityPolicy(NONCE, { dev: true, formOrigins: ["https://a.example.test"] });
    const names = csp.split(";").map((p) => p.trim().split(/\s+/)[0]);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("securityHeaders", () => {
  const csp = contentSecurityPolicy(NONCE, { dev: false, formOrigins: [] });

  it("sends the CSP it is given and the fixed hardening headers", () => {
    const h = securityHeaders(csp, false);
    expect(h["content-security-policy"]).toBe(csp);
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["cross-origin-opener-policy"]).toBe("same-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
  });

  it("sends HSTS only when asked", () => {
    expect(securityHeaders(csp, false)).not.toHaveProperty("strict-transport-security");
    expect(securityHeaders(csp, true)["strict-transport-security"]).toMatch(
      /^max-age=\d+; includeSubDomains$/,
    );
    const maxAge = Number(/max-age=(\d+)/.exec(securityHeaders(csp, true)["strict-transport-security"]!)![1]);
    expect(maxAge).toBeGreaterThanOrEqual(31536000);
  });

  it("uses lower-case header names only", () => {
    for (const name of Object.keys(securityHeaders(csp, true))) expect(name).toBe(name.toLowerCase());
  });
});

describe("withStaticSecurityHeaders", () => {
  it("sets a script-free policy and the other headers on a response", () => {
    const res = withStaticSecurityHeaders(Response.json({ ok: true }), false);
    const csp = directives(res.headers.get("content-security-policy")!);
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.has("script-src")).toBe(false);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(res.headers.get("content-type")).toContain("application/json");
  });

  it("lets the 503 page's stylesheet and inline style load, and adds HSTS on https", () => {
    expect(directives(STATIC_CSP).get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    const res = withStaticSecurityHeaders(new Response(null, { status: 303 }), true);
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
  });
});

describe("formActionOrigins", () => {
  it("allows return_to origins and OIDC providers' sign-in pages, each once", () => {
    expect(
      formActionOrigins({
        returnToOrigins: ["https://docs.example.test"],
        oidcProviderOrigins: ["https://accounts.google.com", "https://docs.example.test"],
      }),
    ).toEqual(["https://docs.example.test", "https://accounts.google.com"]);
    const csp = contentSecurityPolicy(NONCE, {
      dev: false,
      formOrigins: formActionOrigins({ returnToOrigins: [], oidcProviderOrigins: ["http://127.0.0.1:4555"] }),
    });
    expect(csp).toContain("form-action 'self' http://127.0.0.1:4555;");
  });
});
