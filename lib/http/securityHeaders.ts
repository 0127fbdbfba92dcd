// Security headers for every response. Pages get a CSP with a per-request nonce (from
// proxy.ts) so that Next's inline bootstrap scripts run and nothing else inline does. The
// routes proxy.ts skips (the BFF, health and readiness) answer JSON, redirects or the
// script-less 503 page, and set a fixed policy themselves (withStaticSecurityHeaders).

/**
 * Where the app's forms may lead, besides itself: Kratos answers a form with a redirect to an
 * allow-listed return_to origin, or to an OIDC provider's sign-in page, and browsers check
 * form-action on every redirect of a form submission.
 */
export function formActionOrigins(cfg: {
  returnToOrigins: readonly string[];
  oidcProviderOrigins: readonly string[];
}): string[] {
  return [...new Set([...cfg.returnToOrigins, ...cfg.oidcProviderOrigins])];
}

export function contentSecurityPolicy(
  nonce: string,
  opts: { dev: boolean; formOrigins: readonly string[]; imageSources?: readonly string[] },
): string {
  const scriptSrc = [
    `'self'`,
    `'nonce-${nonce}'`,
    `'strict-dynamic'`,
    ...(opts.dev ? [`'unsafe-eval'`] : []),
  ];
  return [
    `default-src 'self'`,
    `script-src ${scriptSrc.join(" ")}`,
    // Tailwind ships a stylesheet; React sets a few inline style attributes.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:${(opts.imageSources ?? []).map((s) => ` ${s}`).join("")}`,
    `font-src 'self'`,
    `connect-src 'self'${opts.dev ? " ws:" : ""}`,
    // Kratos redirects after form posts go to the app, an allow-listed return_to origin or an
    // OIDC provider (formActionOrigins).
    `form-action 'self' ${opts.formOrigins.join(" ")}`.trim(),
    `frame-ancestors 'none'`,
    `base-uri 'none'`,
    `object-src 'none'`,
  ].join("; ");
}

export function securityHeaders(csp: string, hsts: boolean): Record<string, string> {
  return {
    "content-security-policy": csp,
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "cross-origin-opener-policy": "same-origin",
    ...(hsts ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * The policy for responses that are not React pages: no scripts at all; the 503 page's
 * stylesheet and inline style still load.
 */
export const STATIC_CSP = [
  `default-src 'none'`,
  `style-src 'self' 'unsafe-inline'`,
  `img-src 'self' data:`,
  `form-action 'self'`,
  `frame-ancestors 'none'`,
  `base-uri 'none'`,
].join("; ");

/** Sets the security headers (with STATIC_CSP) on a response the app built itself. */
export function withStaticSecurityHeaders(res: Response, hsts: boolean): Response {
  for (const [k, v] of Object.entries(securityHeaders(STATIC_CSP, hsts))) res.headers.set(k, v);
  return res;
}
