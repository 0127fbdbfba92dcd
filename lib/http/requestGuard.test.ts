import { describe, expect, it } from "vitest";
import { refusalAnswer } from "@/lib/http/requestGuard";

const opts = { hsts: false, formOrigins: [] };

describe("refusalAnswer", () => {
  it("answers API routes with the app's JSON error and Allow", () => {
    const a = refusalAnswer({ status: 405, id: "method_not_allowed", allow: "GET, HEAD", json: true }, opts);
    expect(a.status).toBe(405);
    expect(a.headers).toMatchObject({ allow: "GET, HEAD", "content-type": "application/json" });
    expect(JSON.parse(a.body)).toEqual({
      error: {
        id: "method_not_allowed",
        code: 405,
        message: "This address does not answer this kind of request. Allowed methods: GET, HEAD.",
      },
    });
  });

  it("words the page in the reader's language, JSON always in English", () => {
    const page = refusalAnswer({ status: 400, id: "malformed_url", json: false }, { ...opts, locale: "de" });
    expect(page.body).toContain('<html lang="de">');
    expect(page.body).toContain("<h1>Ungültige Anfrage</h1>");
    const json = refusalAnswer({ status: 400, id: "malformed_url", json: true }, { ...opts, locale: "de" });
    expect(JSON.parse(json.body).error.message).toMatch(/^This address is not valid/);
  });

  it("answers pages with an HTML page, the security headers and no Allow on a 400", () => {
    const a = refusalAnswer({ status: 400, id: "malformed_url", json: false }, opts);
    expect(a.status).toBe(400);
    expect(a.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(a.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(a.headers["x-content-type-options"]).toBe("nosniff");
    expect(a.headers.allow).toBeUndefined();
    expect(a.headers["content-length"]).toBe(String(Buffer.byteLength(a.body)));
    expect(a.body).toContain("<h1>Bad request</h1>");
    expect(a.body).not.toContain("<script");
  });

  it("adds HSTS when the app runs on https", () => {
    const a = refusalAnswer({ status: 400, id: "malformed_url", json: true }, { ...opts, hsts: true });
    expect(a.headers["strict-transport-security"]).toBeDefined();
  });
});
