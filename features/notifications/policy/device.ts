// Which device a sign-in came from, and whether the account has used it before. Pure.
//
// A device is the browser family and OS family of its user agent ("Firefox on Windows"), not its
// version (browsers update every few weeks) and not its IP address (it changes with every network
// and is shared behind NAT). Two people with the same browser on the same OS look alike: this
// catches the common case, a sign-in from somewhere the owner has never used, not a targeted one.

export interface DeviceSummary {
  browser: string;
  os: string;
}

// Order matters: Edge and Opera name Chrome too, Chrome names Safari, every one names Mozilla.
const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\b(?:Headless)?Chrome\/|\bCriOS\/|\bChromium\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\bcurl\//, "curl"],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

const firstMatch = (ua: string, table: readonly [RegExp, string][]) =>
  table.find(([re]) => re.test(ua))?.[1] ?? "unknown";

/** The browser and OS family of a User-Agent header ("unknown" for what it cannot tell). */
export function summarizeUserAgent(userAgent: string | undefined): DeviceSummary {
  const ua = (userAgent ?? "").slice(0, 512);
  return { browser: firstMatch(ua, BROWSERS), os: firstMatch(ua, SYSTEMS) };
}

/** The key a device is remembered by: "Firefox/Windows". */
export function deviceKey(userAgent: string | undefined): string {
  const d = summarizeUserAgent(userAgent);
  return `${d.browser}/${d.os}`;
}

/** How many device keys an account keeps; the oldest goes first. */
export const MAX_KNOWN_DEVICES = 20;

export interface DeviceDecision {
  /** Mail the owner: a device this account has not signed in from before. */
  alert: boolean;
  /** The known devices to store: this one last (most recent), at most MAX_KNOWN_DEVICES. */
  known: string[];
}

/**
 * After a sign-in from `key`: alert when the account knows devices and this is not one of them.
 * An account that knows none yet (registered before this feature) learns this one silently;
 * registration records its device, so the first sign-in after it does not alarm.
 */
export function decideDevice(known: readonly string[] | undefined, key: string): DeviceDecision {
  const list = (known ?? []).filter((k) => k !== key);
  const alert = (known?.length ?? 0) > 0 && !known!.includes(key);
  return { alert, known: [...list, key].slice(-MAX_KNOWN_DEVICES) };
}
