import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "@/lib/http/sameOrigin";

const APP = "https://auth.example.com";
const h = (init: Record<string, string>) => new Headers(init);

describe("isCrossSiteRequest", () => {
  it("accepts the app's own origin", () => {
    expect(isCrossSiteRequest(h({ origin: APP, "sec-fetch-site": "same-origin" }), APP)).toBe(false);
  });

  it("accepts a client that sends neither header (not a browser, so no CSRF)", () => {
    expect(isCrossSiteRequest(h({}), APP)).toBe(false);
  });

  it.each(["https://evil.example", "null", "https://auth.example.com:444", "http://auth.example.com"])(
    "refuses Origin %s",
    (origin) => {
      expect(isCrossSiteRequest(h({ origin }), APP)).toBe(true);
    },
  );

  it.each(["cross-site", "same-site"])("refuses Sec-Fetch-Site %s", (site) => {
    expect(isCrossSiteRequest(h({ "sec-fetch-site": site }), APP)).toBe(true);
    expect(isCrossSiteRequest(h({ origin: APP, "sec-fetch-site": site }), APP)).toBe(true);
  });
});
