// Bad input on the production build: a method a route does not answer, a percent-encoding
// that does not decode, a body too large or without a length. Each answer is a 4xx with the
// app's JSON error (API routes) or its HTML error page (pages), never a 5xx or a stack trace.
// Sent raw (e2e/support/raw.ts): clients normalise paths and refuse methods like TRACE.
import { expect, test } from "@playwright/test";
import { testEnv } from "./support/env";
import { rawRequest, type RawOptions, type RawResponse } from "./support/raw";

const APP_INSTANCE = testEnv.clusterInstanceUrls[0];

const PAGE = "/login";
const API = "/api/me";
const BFF_READ = "/api/kratos/self-service/login/browser";
const BFF_SUBMIT = "/api/kratos/self-service/login?flow=00000000-0000-0000-0000-000000000000";

type Kind = "json" | "html";

interface Row {
  method: string;
  path: string;
  status: number;
  kind: Kind;
  /** The error id of a JSON answer. */
  id?: string;
  allow?: string;
  opts?: RawOptions;
}

const STACK_TRACE = /\n\s+at \S+ \(|node_modules|\.next-?[\w-]*\/server/;

function expectRefusal(res: RawResponse, row: Row) {
  const label = `${row.method} ${row.path}`;
  expect(res.status, label).toBe(row.status);
  expect(res.text, label).not.toMatch(STACK_TRACE);
  if (row.allow) expect(res.headers.allow, label).toBe(row.allow);
  if (row.kind === "json") {
    expect(res.headers["content-type"], label).toContain("application/json");
    const body = JSON.parse(res.text) as { error: { id: string; code: number; message: string } };
    expect(body.error, label).toMatchObject({ code: row.status, id: row.id });
    expect(body.error.message, label).not.toBe("");
  } else {
    expect(res.headers["content-type"], label).toContain("text/html");
    expect(res.text, label).toMatch(/<h1>[^<]+<\/h1>/);
    expect(res.headers["content-security-policy"], label).toContain("frame-ancestors 'none'");
  }
}

const methodRows: Row[] = [
  // Methods the Fetch API refuses made Next answer 500; the others reached handlers as GETs.
  ...["TRACE", "PROPFIND", "OPTIONS", "PATCH", "PUT", "DELETE", "POST"].flatMap((method): Row[] => [
    { method, path: PAGE, status: 405, kind: "html", allow: "GET, HEAD" },
    { method, path: "/", status: 405, kind: "html", allow: "GET, HEAD" },
    { method, path: API, status: 405, kind: "json", id: "method_not_allowed", allow: "GET, HEAD" },
  ]),
  ...["TRACE", "PROPFIND", "OPTIONS", "PATCH", "PUT", "DELETE", "POST"].map((method): Row => ({
    method,
    path: BFF_READ,
    status: 405,
    kind: "json",
    id: "method_not_allowed",
    allow: "GET, HEAD",
  })),
  ...["TRACE", "PROPFIND", "GET"].map((method): Row => ({
    method,
    path: BFF_SUBMIT,
    status: 405,
    kind: "json",
    id: "method_not_allowed",
    allow: "POST",
  })),
  { method: "TRACE", path: "/no-such-page", status: 405, kind: "html", allow: "GET, HEAD" },
  { method: "GET", path: "/logout", status: 405, kind: "html", allow: "POST" },
];

const malformed = ["%ZZ", "%E0%A4%A", "%E0%A4", "%"];
const urlRows: Row[] = malformed.flatMap((bad): Row[] => [
  { method: "GET", path: `/api/kratos/${bad}`, status: 400, kind: "json", id: "malformed_url" },
  { method: "GET", path: `/api/kratos/self-service/${bad}`, status: 400, kind: "json", id: "malformed_url" },
  { method: "GET", path: `${BFF_READ}?return_to=${bad}`, status: 400, kind: "json", id: "malformed_url" },
  {
    method: "POST",
    path: `/api/kratos/self-service/login?flow=${bad}`,
    status: 400,
    kind: "json",
    id: "malformed_url",
  },
  { method: "GET", path: `${API}/${bad}`, status: 400, kind: "json", id: "malformed_url" },
  { method: "GET", path: `${API}?x=${bad}`, status: 400, kind: "json", id: "malformed_url" },
  { method: "GET", path: `/${bad}`, status: 400, kind: "html" },
  { method: "GET", path: `${PAGE}/${bad}`, status: 400, kind: "html" },
  { method: "GET", path: `${PAGE}?flow=${bad}`, status: 400, kind: "html" },
  { method: "GET", path: `/settings?return_to=${bad}`, status: 400, kind: "html" },
  // A malformed target is refused whatever the method.
  { method: "TRACE", path: `${PAGE}?flow=${bad}`, status: 400, kind: "html" },
]);

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const big = "a=" + "x".repeat(100_000);
const bodyRows: Row[] = [
  // Over the BFF's 64 KiB: by Content-Length before reading, or while reading a chunked body.
  {
    method: "POST",
    path: BFF_SUBMIT,
    status: 413,
    kind: "json",
    id: "payload_too_large",
    opts: { headers: FORM, body: big },
  },
  {
    method: "POST",
    path: BFF_SUBMIT,
    status: 413,
    kind: "json",
    id: "payload_too_large",
    opts: { headers: FORM, body: big, chunked: true },
  },
  {
    method: "POST",
    path: BFF_SUBMIT,
    status: 400,
    kind: "json",
    id: "bad_request",
    opts: { headers: { "content-type": "application/json" }, body: "{not json", chunked: true },
  },
  // Routes that take no body refuse one, with or without a length.
  {
    method: "POST",
    path: API,
    status: 405,
    kind: "json",
    id: "method_not_allowed",
    opts: { headers: FORM, body: big },
  },
  {
    method: "POST",
    path: API,
    status: 405,
    kind: "json",
    id: "method_not_allowed",
    opts: { headers: FORM, body: big, chunked: true },
  },
  {
    method: "POST",
    path: PAGE,
    status: 405,
    kind: "html",
    opts: { headers: FORM, body: big, chunked: true },
  },
  { method: "PUT", path: "/", status: 405, kind: "html", opts: { headers: FORM, body: "a=b" } },
];

test.describe("bad input is a 4xx with the app's error, never a 5xx", { tag: "@security" }, () => {
  for (const [name, rows] of [
    ["methods", methodRows],
    ["malformed percent-encodings", urlRows],
    ["bodies", bodyRows],
  ] as const) {
    test(`${name}`, async ({ baseURL }) => {
      // Behind a reverse proxy (the cluster), nginx answers some of these itself (TRACE, its own
      // body limit): the app's answers are checked at an instance, the front only for "a 4xx".
      const app = APP_INSTANCE ?? baseURL!;
      for (const row of rows) {
        expectRefusal(await rawRequest(app, row.method, row.path, row.opts), row);
        if (app !== baseURL) {
          const front = await rawRequest(baseURL!, row.method, row.path, row.opts);
          const label = `${row.method} ${row.path} via ${baseURL}`;
          expect(front.status, label).toBeGreaterThanOrEqual(400);
          expect(front.status, label).toBeLessThan(500);
          expect(front.text, label).not.toMatch(STACK_TRACE);
        }
      }
    });
  }

  test("methods Node's HTTP parser does not know are 400 before the app", async ({ baseURL }) => {
    for (const method of ["FOO", "TRACK"]) {
      const res = await rawRequest(baseURL!, method, PAGE);
      expect(res.status, method).toBe(400);
      expect(res.text, method).toBe("");
    }
  });

  test("HEAD and well-formed encodings still work", async ({ baseURL }) => {
    expect((await rawRequest(baseURL!, "HEAD", "/")).status).toBe(200);
    expect((await rawRequest(baseURL!, "HEAD", PAGE)).status).toBe(307);
    expect((await rawRequest(baseURL!, "HEAD", API)).status).toBe(401);
    // A first visit renders its form in the first response (the flow starts in proxy.ts).
    const login = await rawRequest(baseURL!, "GET", "/login?return_to=%2Fsettings%3Fa%3D%E2%9C%93");
    expect(login.status).toBe(200);
    expect(login.text).toContain('name="identifier"');
    const notFound = await rawRequest(baseURL!, "GET", "/%E2%9C%93");
    expect(notFound.status).toBe(404);
    expect(notFound.text).toContain("Page not found");
  });
});
