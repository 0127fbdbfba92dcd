// Requests sent byte for byte: Playwright's request API (like browsers) normalises the path
// (`..`, `%2e`) and refuses some methods, which would hide what the server itself answers.
import http from "node:http";
import https from "node:https";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawOptions {
  /** A list sends the header once per value (Node joins a list of cookies into one line). */
  headers?: Record<string, string | string[]>;
  /** Sent as is, with a Content-Length (Node adds it) unless `chunked`. */
  body?: string | Buffer;
  /** Send the body chunked, without a length. */
  chunked?: boolean;
}

export function rawRequest(
  baseURL: string,
  method: string,
  path: string,
  opts: RawOptions = {},
): Promise<RawResponse> {
  const url = new URL(baseURL);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: opts.headers,
        rejectUnauthorized: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on("error", reject);
    if (opts.chunked && opts.body !== undefined) {
      // Written before end(), so Node cannot know the length and sends it chunked.
      req.write(opts.body);
      req.end();
    } else req.end(opts.body);
  });
}
