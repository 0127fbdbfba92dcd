import { describe, expect, it } from "vitest";
import { allowedOrigins, safeReturnTo, sameOriginPath } from "@/lib/policy/returnTo";

const APP = "http://localhost:3000";
const EXTRA = "https://docs.example.test";
const ORIGINS = [APP, EXTRA];

describe("safeReturnTo", () => {
  describe("rejects", () => {
    it.each([
      // Protocol-relative and backslash forms that browsers treat as another host.
      "//evil.test",
      "//evil.test/path",
      "/\\evil.test",
      "\\\\evil.test",
      "\\/evil.test",
      // Scheme without `//`: URL parsers fill in the slashes (https:evil.test → https://evil.test/).
      "https:evil.test",
      "http:/evil.test",
      "http:evil.test",
      // Encoded slashes and backslashes.
      "/%2F%2Fevil.test",
      "/%2f%2fevil.test",
      "/%2Fevil.test",
      "/%5Cevil.test",
      "/%5cevil.test",
      "%2F%2Fevil.test",
      // Whitespace and control characters, raw or encoded.
      " /foo",
      "/foo\t",
      "/\t/evil.test",
      "/\n/evil.test",
      "/%09/evil.test",
      "/foo%0d%0aSet-Cookie:x=y",
      "/foo\u00a0",
      "/foo\u2028",
      "\ufeff/foo",
      "/foo%E2%80%A8",
      // Dot segments that normalise to a protocol-relative path.
      "/..//evil.test",
      "/.//evil.test",
      "/a/..//evil.test",
      "/%2e%2e//evil.test",
      "http://localhost:3000//evil.test",
      // Other schemes.
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,x",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "ftp://localhost:3000/",
      // Foreign origins and look-alikes.
      "https://evil.test/",
      "https://localhost:3000.evil.test/",
      "http://localhost:3000.evil.test/",
      "http://localhost:3000@evil.test/",
      "https://localhost:3000/",
      "http://localhost:3001/",
      "http://localhost/",
      "http://127.0.0.1:3000/",
      "http://docs.example.test/",
      // Credentials, even on the app's own origin.
      "http://user:pass@localhost:3000/",
      "http://user@localhost:3000/",
      "http://:pass@localhost:3000/",
      "https://user:pass@docs.example.test/",
      // Relative forms that are not absolute paths.
      "settings",
      "?x=1",
      "#y",
      // Malformed percent-encoding.
      "/100%",
      "/%E0%A4%A",
      // Empty.
      "",
    ])("%j", (raw) => {
      expect(safeReturnTo(raw, ORIGINS)).toBeUndefined();
    });

    it("a string longer than 2048 characters", () => {
      expect(safeReturnTo(`/${"a".repeat(2999)}`, ORIGINS)).toBeUndefined();
      expect(safeReturnTo(`/${"a".repeat(2048)}`, ORIGINS)).toBeUndefined();
    });

    it.each<[string, unknown]>([
      ["undefined", undefined],
      ["null", null],
      ["a number", 42],
      ["an object", {}],
      ["an array", ["/settings"]],
      ["a URL object", new URL("http://localhost:3000/settings")],
      ["a boolean", true],
    ])("%s", (_name, raw) => {
      expect(safeReturnTo(raw, ORIGINS)).toBeUndefined();
    });

    it("everything when there is no app origin", () => {
      expect(safeReturnTo("/settings", [])).toBeUndefined();
      expect(safeReturnTo("http://localhost:3000/settings", [])).toBeUndefined();
    });
  });

  describe("accepts", () => {
    it("an absolute path, resolved on the app origin", () => {
      expect(safeReturnTo("/settings", ORIGINS)).toBe("http://localhost:3000/settings");
    });

    it("a path with query and fragment, kept whole", () => {
      expect(safeReturnTo("/settings?x=1#y", ORIGINS)).toBe("http://localhost:3000/settings?x=1#y");
    });

    it("the root path", () => {
      expect(safeReturnTo("/", ORIGINS)).toBe("http://localhost:3000/");
    });

    it("an absolute URL on the app origin", () => {
      expect(safeReturnTo("http://localhost:3000/session", ORIGINS)).toBe("http://localhost:3000/session");
      expect(safeReturnTo("http://localhost:3000", ORIGINS)).toBe("http://localhost:3000/");
    });

    it("an absolute URL with an upper-case scheme and host, normalised", () => {
      expect(safeReturnTo("HTTP://LOCALHOST:3000/session", ORIGINS)).toBe("http://localhost:3000/session");
    });

    it("an absolute URL on an extra allowed origin", () => {
      expect(safeReturnTo("https://docs.example.test/guide?a=b", ORIGINS)).toBe(
        "https://docs.example.test/guide?a=b",
      );
    });

    it("well-formed percent-encoding that decodes to something harmless", () => {
      expect(safeReturnTo("/search?q=a%26b%3Dc", ORIGINS)).toBe("http://localhost:3000/search?q=a%26b%3Dc");
      expect(safeReturnTo("/caf%C3%A9", ORIGINS)).toBe("http://localhost:3000/caf%C3%A9");
    });

    it("a double slash later in the path (not protocol-relative)", () => {
      expect(safeReturnTo("/settings//x", ORIGINS)).toBe("http://localhost:3000/settings//x");
    });

    it("exactly 2048 characters", () => {
      const raw = `/${"a".repeat(2047)}`;
      expect(safeReturnTo(raw, ORIGINS)).toBe(`${APP}${raw}`);
    });

    it("only the app origin by default", () => {
      expect(safeReturnTo("/settings", [APP])).toBe("http://localhost:3000/settings");
      expect(safeReturnTo("https://docs.example.test/guide", [APP])).toBeUndefined();
    });
  });

  it("resolves relative paths against the first origin only", () => {
    expect(safeReturnTo("/settings", [EXTRA, APP])).toBe("https://docs.example.test/settings");
  });
});

describe("allowedOrigins", () => {
  it("puts the app origin first, then the extras", () => {
    expect(allowedOrigins(new URL("http://localhost:3000/some/path?x=1"), [EXTRA])).toEqual([APP, EXTRA]);
  });

  it("does not repeat the app origin when it is also listed as an extra", () => {
    expect(allowedOrigins(new URL(APP), [EXTRA, APP])).toEqual([APP, EXTRA]);
  });

  it("is just the app origin without extras", () => {
    expect(allowedOrigins(new URL("https://auth.example.test"), [])).toEqual(["https://auth.example.test"]);
  });

  it("works with safeReturnTo end to end", () => {
    const origins = allowedOrigins(new URL(APP), [EXTRA]);
    expect(safeReturnTo("/x", origins)).toBe("http://localhost:3000/x");
    expect(safeReturnTo("https://docs.example.test/", origins)).toBe("https://docs.example.test/");
    expect(safeReturnTo("https://evil.test/", origins)).toBeUndefined();
  });
});

describe("sameOriginPath", () => {
  it("keeps the path and query of a URL on the app's origin", () => {
    expect(sameOriginPath(`${APP}/login?flow=abc`, APP)).toBe("/login?flow=abc");
    expect(sameOriginPath(`${APP}/`, APP)).toBe("/");
  });

  it("is / for another origin, nothing, or junk", () => {
    expect(sameOriginPath("https://evil.test/login", APP)).toBe("/");
    expect(sameOriginPath(`${EXTRA}/guide`, APP)).toBe("/");
    expect(sameOriginPath(null, APP)).toBe("/");
    expect(sameOriginPath("not a url", APP)).toBe("/");
  });

  it.each([
    `${APP}//evil.test/x`,
    `${APP}/\\evil.test/x`,
    `${APP}/\\/evil.test`,
    `${APP}/..//evil.test`,
    `${APP}/a/../..//evil.test/`,
    `${APP}/%5C%5Cevil.test`,
    `${APP}/\tevil`,
  ])("never answers a path a browser reads as another origin: %s", (referer) => {
    const path = sameOriginPath(referer, APP);
    expect(path.startsWith("//")).toBe(false);
    expect(path.startsWith("/\\")).toBe(false);
    expect(new URL(path, APP).origin).toBe(APP);
  });
});
