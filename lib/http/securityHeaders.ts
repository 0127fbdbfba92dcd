// Security headers for every response. The CSP uses a per-request nonce so that Next's
// inline bootstrap scripts run and nothing else inline does.

export function contentSecurityPolicy(
  nonce: string,
  opts: { dev: boolean; formOrigins: readonly string[] },
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
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src 'self'${opts.dev ? " ws:" : ""}`,
    // Kratos redirects after form posts go to the app (or an allow-listed return_to origin).
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
