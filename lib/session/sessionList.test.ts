import type { Session } from "@ory/client-fetch";
import { describe, expect, it } from "vitest";
import { addressWithoutPort, describeUserAgent, sessionRows } from "@/lib/session/sessionList";

const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36";
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const EDGE_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0";
const CHROME_ANDROID =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

/** A session as Kratos's JSON has it (times are strings; the SDK's types say Date). */
function session(id: string, over: Record<string, unknown> = {}): Session {
  return {
    id,
    active: true,
    authenticated_at: "2026-11-29T10:00:00Z",
    authenticator_assurance_level: "aal1",
    authentication_methods: [{ method: "password", aal: "aal1", completed_at: "2026-11-29T10:00:00Z" }],
    devices: [{ id: `${id}-d`, ip_address: "203.0.113.7:51234", user_agent: CHROME_LINUX, location: "" }],
    ...over,
  } as unknown as Session;
}

describe("describeUserAgent", () => {
  it.each([
    [CHROME_LINUX, "Chrome on Linux"],
    [FIREFOX_WINDOWS, "Firefox on Windows"],
    [SAFARI_IPHONE, "Safari on iOS"],
    [EDGE_WINDOWS, "Edge on Windows"],
    [CHROME_ANDROID, "Chrome on Android"],
    ["curl/8.5.0", null],
    ["", null],
    [undefined, null],
  ])("%s → %s", (ua, expected) => {
    expect(describeUserAgent(ua)).toBe(expected);
  });
});

describe("addressWithoutPort", () => {
  it.each([
    ["203.0.113.7:51234", "203.0.113.7"],
    ["203.0.113.7", "203.0.113.7"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["2001:db8::1", "2001:db8::1"],
    ["", null],
    [undefined, null],
  ])("%s → %s", (address, expected) => {
    expect(addressWithoutPort(address)).toBe(expected);
  });
});

describe("sessionRows", () => {
  it("puts this device first, then the others by most recent sign-in", () => {
    const rows = sessionRows(session("cur", { authenticated_at: "2026-11-29T08:00:00Z" }), [
      session("old", { authenticated_at: "2026-11-28T09:00:00Z" }),
      session("new", { authenticated_at: "2026-11-29T09:00:00Z" }),
    ]);
    expect(rows.map((r) => [r.id, r.current])).toEqual([
      ["cur", true],
      ["new", false],
      ["old", false],
    ]);
  });

  it("reads device, address, time, AAL and methods", () => {
    const [row] = sessionRows(
      session("cur", {
        authenticator_assurance_level: "aal2",
        authentication_methods: [
          { method: "password", aal: "aal1" },
          { method: "totp", aal: "aal2" },
          { method: "totp", aal: "aal2" },
        ],
        devices: [
          { id: "a", ip_address: "198.51.100.1:1", user_agent: CHROME_LINUX },
          { id: "b", ip_address: "[2001:db8::2]:8443", user_agent: FIREFOX_WINDOWS },
        ],
      }),
      [],
    );
    expect(row).toEqual({
      id: "cur",
      current: true,
      device: "Firefox on Windows",
      userAgent: FIREFOX_WINDOWS,
      address: "2001:db8::2",
      signedInAt: "2026-11-29T10:00:00.000Z",
      kratosAal: "aal2",
      effectiveAal: "aal2",
      methods: ["password", "totp"],
    });
  });

  it("says when the app trusts a session less than Kratos (two codes from one inbox)", () => {
    const [row] = sessionRows(
      session("cur", {
        authenticator_assurance_level: "aal2",
        authentication_methods: [
          { method: "code_recovery", aal: "aal1" },
          { method: "code", aal: "aal2" },
        ],
      }),
      [],
    );
    expect(row).toMatchObject({ kratosAal: "aal2", effectiveAal: "aal1" });
  });

  it("copes with a session without devices, time or methods", () => {
    const [row] = sessionRows(
      session("cur", {
        devices: [],
        authenticated_at: undefined,
        authentication_methods: undefined,
        authenticator_assurance_level: undefined,
      }),
      [],
    );
    expect(row).toMatchObject({
      device: null,
      userAgent: null,
      address: null,
      signedInAt: null,
      kratosAal: "aal0",
      methods: [],
    });
  });

  it("leaves out inactive sessions and a repeat of the current one", () => {
    const rows = sessionRows(session("cur"), [
      session("cur"),
      session("gone", { active: false }),
      session("other"),
    ]);
    expect(rows.map((r) => r.id)).toEqual(["cur", "other"]);
  });
});
