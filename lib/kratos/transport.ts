// The app's HTTP connection to Kratos: node:http on a keep-alive agent, the answer read whole
// and handed back as a Fetch Response. Not `fetch`: under load its streams, request objects and
// Next's fetch instrumentation cost more of the server's CPU than the BFF's own work
// (docs/benchmarks.md), and it adds headers of its own (accept-encoding, sec-fetch-mode,
// accept-language: *) that Kratos then has to parse. Kratos answers are small JSON documents or
// redirects, so reading them whole costs nothing a stream would save.
import "server-only";
import http from "node:http";
import https from "node:https";

export interface KratosRequest {
  method: string;
  headers: Headers;
  body?: string;
  /** The whole exchange, answer body included, must end within this time. */
  timeoutMs: number;
}

// Kratos (Go) keeps idle connections for minutes; closing ours first after a few idle seconds
// avoids sending on a connection Kratos is closing at that moment.
const IDLE_SOCKET_MS = 4000;
const agents = {
  "http:": new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  "https:": new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
};

// Statuses a Fetch Response must not carry a body with.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** One request to Kratos; rejects on a network error or when `timeoutMs` runs out. */
export function kratosRequest(url: URL, init: KratosRequest): Promise<Response> {
  const secure = url.protocol === "https:";
  const headers: Record<string, string> = {};
  init.headers.forEach((v, k) => (headers[k] = v));
  if (init.body !== undefined) headers["content-length"] = String(Buffer.byteLength(init.body));
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      url,
      { method: init.method, headers, agent: agents[secure ? "https:" : "http:"] },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", fail);
        res.on("end", () => {
          clearTimeout(deadline);
          const out = new Headers();
          const raw = res.rawHeaders;
          for (let i = 0; i + 1 < raw.length; i += 2) out.append(raw[i] ?? "", raw[i + 1] ?? "");
          const status = res.statusCode ?? 502;
          const body =
            NULL_BODY_STATUSES.has(status) || init.method === "HEAD" ? null : Buffer.concat(chunks);
          resolve(new Response(body, { status, statusText: res.statusMessage, headers: out }));
        });
      },
    );
    function fail(err: Error) {
      clearTimeout(deadline);
      req.destroy();
      reject(err);
    }
    const deadline = setTimeout(
      () => fail(new Error(`no complete answer within ${init.timeoutMs} ms`)),
      init.timeoutMs,
    );
    req.on("error", fail);
    req.end(init.body);
  });
}
