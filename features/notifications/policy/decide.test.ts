import { describe, expect, it } from "vitest";
import { EMPTY_SUMMARY } from "./credentialChanges";
import { decideHook } from "./decide";
import type { HookCall, Trigger } from "./events";

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36";

const call = (trigger: Trigger, userAgent = CHROME): HookCall => ({
  trigger,
  flowId: "f",
  identityId: "i",
  userAgent,
  clientIp: "",
  localeCookie: "",
  acceptLanguage: "",
});

describe("decideHook", () => {
  it("registration: records the device and the language, mails nothing", () => {
    const d = decideHook(call({ flow: "registration" }), {}, EMPTY_SUMMARY, "de");
    expect(d).toEqual({
      events: [],
      state: { devices: ["Chrome/Linux"], credentials: EMPTY_SUMMARY, locale: "de" },
      locale: "de",
    });
  });

  it("login: the registration's device is known; another one is mailed in the owner's language", () => {
    const state = { devices: ["Chrome/Linux"], locale: "de" as const };
    expect(decideHook(call({ flow: "login" }), state, EMPTY_SUMMARY, "en").events).toEqual([]);
    const d = decideHook(call({ flow: "login" }, FIREFOX), state, EMPTY_SUMMARY, "en");
    expect(d.events).toEqual([{ type: "new_device_sign_in" }]);
    expect(d.locale).toBe("de");
    expect(d.state.devices).toEqual(["Chrome/Linux", "Firefox/Windows"]);
  });

  it("settings: the change from the stored summary, in the actor's (the owner's) language", () => {
    const d = decideHook(
      call({ flow: "settings", method: "totp" }),
      { credentials: EMPTY_SUMMARY, locale: "en" },
      { ...EMPTY_SUMMARY, totp: true },
      "de",
    );
    expect(d.events).toEqual([{ type: "totp_added" }]);
    expect(d.state).toMatchObject({ credentials: { totp: true }, locale: "de" });
  });

  it("recovery: mailed in the stored language, which the recovering person cannot change", () => {
    const d = decideHook(call({ flow: "recovery" }), { locale: "en" }, EMPTY_SUMMARY, "de");
    expect(d.events).toEqual([{ type: "recovery_used" }]);
    expect(d.locale).toBe("en");
    expect(d.state.locale).toBe("en");
  });
});
