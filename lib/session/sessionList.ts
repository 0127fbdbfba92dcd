// The "where you're signed in" list: Kratos sessions turned into rows a person can read. Pure
// (no I/O), so it is unit-tested; the settings page renders the rows.
import type { Session } from "@ory/client-fetch";
import { DEFAULT_FACTOR_POLICY, effectiveAal, type Aal, type FactorPolicy } from "@/lib/policy/factors";

export interface SessionRow {
  id: string;
  /** The session of the browser looking at the list. */
  current: boolean;
  /** "Chrome on Linux"; null when the user agent says nothing we recognise. */
  device: string | null;
  userAgent: string | null;
  /** The address Kratos saw, without a port. */
  address: string | null;
  /** When the person signed in (Kratos's `authenticated_at`), ISO 8601. */
  signedInAt: string | null;
  /** What Kratos says, and what this app trusts under the factor policy. */
  kratosAal: string;
  effectiveAal: Aal;
  /** Kratos method names, in the order they were completed, each once. */
  methods: string[];
}

const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\//, "Opera"],
  [/\bFirefox\//, "Firefox"],
  [/\b(?:Headless)?Chrom(?:e|ium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\bAndroid\b/, "Android"],
  [/\b(?:iPhone|iPad|iPod)\b/, "iOS"],
  [/\bWindows\b/, "Windows"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

/** A short name for a user agent: browser and operating system, as far as they are known. */
export function describeUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? null;
}

/** Kratos records `host:port` (IPv6 as `[addr]:port`); the port means nothing to a person. */
export function addressWithoutPort(address: string | null | undefined): string | null {
  const a = address?.trim();
  if (!a) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(a);
  return v4 ? v4[1]! : a;
}

function rowOf(session: Session, current: boolean, policy: FactorPolicy): SessionRow {
  // A session may have been used from several devices; the latest is the one to show.
  const device = session.devices?.at(-1);
  const amr = session.authentication_methods ?? [];
  const methods = [...new Set(amr.flatMap((m): string[] => (m.method ? [m.method] : [])))];
  return {
    id: session.id,
    current,
    device: describeUserAgent(device?.user_agent),
    userAgent: device?.user_agent || null,
    address: addressWithoutPort(device?.ip_address),
    signedInAt: session.authenticated_at ? new Date(session.authenticated_at).toISOString() : null,
    kratosAal: session.authenticator_assurance_level ?? "aal0",
    effectiveAal: effectiveAal(
      amr.map((m) => ({ method: m.method, aal: m.aal, provider: m.provider })),
      policy,
    ),
    methods,
  };
}

/**
 * The current session first, then the others, most recent sign-in first. Inactive sessions and
 * a repeat of the current one (Kratos lists only the others, but a list may race a sign-in) are
 * left out.
 */
export function sessionRows(
  current: Session,
  others: readonly Session[],
  policy: FactorPolicy = DEFAULT_FACTOR_POLICY,
): SessionRow[] {
  const rest = others
    .filter((s) => s.id !== current.id && s.active !== false)
    .map((s) => rowOf(s, false, policy))
    .sort((a, b) => (b.signedInAt ?? "").localeCompare(a.signedInAt ?? ""));
  return [rowOf(current, true, policy), ...rest];
}
