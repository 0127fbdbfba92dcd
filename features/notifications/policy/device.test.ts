import { describe, expect, it } from "vitest";
import { MAX_KNOWN_DEVICES, decideDevice, deviceKey, summarizeUserAgent } from "./device";

const UA = {
  chromeLinux:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/141.0.0.0 Safari/537.36",
  chromeLinuxNewer:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
  firefoxWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  safariMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  chromeAndroid:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
};

describe("summarizeUserAgent", () => {
  it.each([
    [UA.chromeLinux, "Chrome", "Linux"],
    [UA.firefoxWindows, "Firefox", "Windows"],
    [UA.edgeWindows, "Edge", "Windows"],
    [UA.safariIphone, "Safari", "iOS"],
    [UA.safariMac, "Safari", "macOS"],
    [UA.chromeAndroid, "Chrome", "Android"],
    ["", "unknown", "unknown"],
  ])("%s → %s on %s", (ua, browser, os) => {
    expect(summarizeUserAgent(ua)).toEqual({ browser, os });
  });
});

describe("deviceKey", () => {
  it("ignores versions: a browser update is the same device", () => {
    expect(deviceKey(UA.chromeLinux)).toBe(deviceKey(UA.chromeLinuxNewer));
  });

  it("tells browsers and systems apart", () => {
    expect(new Set(Object.values(UA).map(deviceKey)).size).toBe(6);
  });
});

describe("decideDevice", () => {
  it("does not alarm on the first device an account learns (registration's)", () => {
    expect(decideDevice(undefined, "Chrome/Linux")).toEqual({ alert: false, known: ["Chrome/Linux"] });
    expect(decideDevice([], "Chrome/Linux").alert).toBe(false);
  });

  it("alarms on a device the account has not used, and remembers it", () => {
    expect(decideDevice(["Chrome/Linux"], "Firefox/Windows")).toEqual({
      alert: true,
      known: ["Chrome/Linux", "Firefox/Windows"],
    });
  });

  it("does not alarm on a known device, which moves to the end", () => {
    expect(decideDevice(["Chrome/Linux", "Firefox/Windows"], "Chrome/Linux")).toEqual({
      alert: false,
      known: ["Firefox/Windows", "Chrome/Linux"],
    });
  });

  it("keeps at most MAX_KNOWN_DEVICES, dropping the least recent", () => {
    const many = Array.from({ length: MAX_KNOWN_DEVICES }, (_, i) => `B${i}/OS`);
    const d = decideDevice(many, "New/OS");
    expect(d.known).toHaveLength(MAX_KNOWN_DEVICES);
    expect(d.known[0]).toBe("B1/OS");
    expect(d.known.at(-1)).toBe("New/OS");
  });
});
