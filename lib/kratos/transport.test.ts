// The connection to Kratos against a real local HTTP server: what is sent, what comes back.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kratosRequest } from "@/lib/kratos/transport";

let server: http.Server;
let base: string;
let seen: { method?: string; headers: http.IncomingHttpHeaders; body: string };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen = { method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString() };
      if (req.url === "/cookies") {
        res.writeHead(303, { location: "/next", "set-cookie": ["a=1; Path=/", "b=2; Path=/; HttpOnly"] });
        res.end();
      } else if (req.url === "/empty") {
        res.writeHead(204).end();
      } else if (req.url === "/slow") {
        res.writeHead(200, { "content-type": "application/json" });
        res.write("{");
      } else {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, timeoutMs = 2000) =>
  kratosRequest(new URL(path, base), { method: "GET", headers: new Headers(), timeoutMs });

describe("kratosRequest", () => {
  it("sends exactly the given headers and body, with its length", async () => {
    const res = await kratosRequest(new URL("/submit", base), {
      method: "POST",
      headers: new Headers({ "content-type": "application/x-www-form-urlencoded", cookie: "c=1" }),
      body: "a=ä",
      timeoutMs: 2000,
    });
    expect(await res.json()).toEqual({ ok: true });
    expect(seen.method).toBe("POST");
    expect(seen.body).toBe("a=ä");
    expect(seen.headers["content-length"]).toBe("4");
    expect(seen.headers.cookie).toBe("c=1");
    // Nothing of its own that Kratos would have to parse: no accept-encoding, sec-fetch-*, user-agent.
    expect(Object.keys(seen.headers).sort()).toEqual([
      "connection",
      "content-length",
      "content-type",
      "cookie",
      "host",
    ]);
  });

  it("keeps every Set-Cookie and does not follow redirects", async () => {
    const res = await get("/cookies");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/next");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/; HttpOnly"]);
  });

  it("answers a 204 without a body", async () => {
    const res = await get("/empty");
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
  });

  it("gives up when the whole answer does not arrive in time", async () => {
    await expect(get("/slow", 200)).rejects.toThrow(/within 200 ms/);
  });
});
