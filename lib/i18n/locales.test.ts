import { describe, expect, it } from "vitest";
import { fromAcceptLanguage, localeOfHeaders, negotiateLocale } from "@/lib/i18n/locales";

describe("negotiateLocale", () => {
  it("takes the cookie first, then Accept-Language, then English", () => {
    expect(negotiateLocale("de", "en-US")).toBe("de");
    expect(negotiateLocale(undefined, "de-DE,de;q=0.9,en;q=0.8")).toBe("de");
    expect(negotiateLocale(undefined, undefined)).toBe("en");
    expect(negotiateLocale("fr", "fr-FR, de;q=0.5")).toBe("de");
    expect(negotiateLocale("xx", null)).toBe("en");
  });
});

describe("fromAcceptLanguage", () => {
  it.each([
    ["de-CH", "de"],
    ["fr, de;q=0.7, en;q=0.8", "en"],
    ["en;q=0.1, de", "de"],
    ["de;q=0, en", "en"],
    ["*", undefined],
    ["fr-FR", undefined],
    ["de;q=abc", "de"], // a malformed weight counts as the default, 1
    ["", undefined],
  ])("%j → %s", (header, locale) => {
    expect(fromAcceptLanguage(header)).toBe(locale);
  });
});

describe("localeOfHeaders", () => {
  it("reads the cookie among others, then the header", () => {
    expect(localeOfHeaders(new Headers({ cookie: "a=1; locale=de; b=2", "accept-language": "en" }))).toBe(
      "de",
    );
    expect(localeOfHeaders(new Headers({ "accept-language": "de" }))).toBe("de");
    expect(localeOfHeaders(new Headers())).toBe("en");
  });
});
