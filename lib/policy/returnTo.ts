// Validates `return_to` values so that no redirect this app issues can leave the allow-list.

const MAX_LENGTH = 2048;
// Any whitespace or control character: browsers strip or reinterpret them (`/\t/evil.test`).
const UNSAFE_CHARS = /[\s\u0000-\u001f\u007f\u00a0\u2028\u2029\ufeff]/;

function decodeSafely(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * Returns `raw` as an absolute URL on an allowed origin, or undefined when it is missing or
 * unsafe. `allowedOrigins` must include the app's own origin (first) and nothing else by default.
 * Relative paths resolve against the app's origin; protocol-relative (`//x`), backslash,
 * whitespace, encoded-slash and non-http(s) forms are refused outright.
 */
export function safeReturnTo(raw: unknown, allowedOrigins: readonly string[]): string | undefined {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return undefined;
  if (UNSAFE_CHARS.test(raw) || raw.includes("\\")) return undefined;
  const appOrigin = allowedOrigins[0];
  if (!appOrigin) return undefined;

  const decoded = decodeSafely(raw);
  if (decoded === null || decoded.includes("\\") || UNSAFE_CHARS.test(decoded)) return undefined;

  let url: URL;
  if (raw.startsWith("/")) {
    if (raw.startsWith("//") || decoded.startsWith("//")) return undefined;
    url = new URL(raw, appOrigin);
  } else {
    try {
      url = new URL(raw);
    } catch {
      return undefined;
    }
    // `https:evil.test` parses as https://evil.test/; only the full `scheme://` form is accepted.
    if (!/^https?:\/\//i.test(raw)) return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username || url.password) return undefined;
  if (!allowedOrigins.includes(url.origin)) return undefined;
  // Dot segments can normalise to a protocol-relative path (`/..//evil.test` → `//evil.test`),
  // which turns into an open redirect wherever the path alone is reused as a relative URL.
  if (url.pathname.startsWith("//")) return undefined;
  return url.href;
}

/** The app's own origin first, then the extra allowed origins from configuration. */
export function allowedOrigins(appUrl: URL, extra: readonly string[]): string[] {
  return [appUrl.origin, ...extra.filter((o) => o !== appUrl.origin)];
}

/**
 * The path and query of `url` when it is a safe URL on `appOrigin` (the rules above), else "/":
 * never `//host` or `/\host`, which a browser reads as another origin.
 */
export function sameOriginPath(url: string | null, appOrigin: string): string {
  const safe = url === null ? undefined : safeReturnTo(url, [appOrigin]);
  if (safe === undefined) return "/";
  const u = new URL(safe);
  return `${u.pathname}${u.search}`;
}
