// The BFF forwards exactly what it checked: for every encoding of a submission, what the
// factor guard and the rate limits decided and what the real Kratos did agree. Each row sends
// the same intent with another Content-Type or body shape.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { countEmails, flushCourier, SUBJECTS } from "./support/mail";
import { signOut } from "./support/session";
import { newUser, recoverWithEmailCode, register, registerAndLogin, type TestUser } from "./support/users";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

type Fields = Record<string, string>;
interface Variant {
  name: string;
  contentType: string;
  body: (f: Fields) => string;
}

const form = (f: Fields) => new URLSearchParams(f).toString();
const json = (f: Fields) => JSON.stringify(f);
const multipart = (f: Fields) =>
  Object.entries(f)
    .map(([k, v]) => `--b\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join("") + "--b--\r\n";

/** Encodings the BFF accepts: it re-encodes them, so Kratos reads what the checks read. */
const ACCEPTED: Variant[] = [
  { name: "form", contentType: FORM, body: form },
  { name: "form, upper-case type", contentType: "Application/X-WWW-Form-URLEncoded", body: form },
  { name: "form; charset=UTF-8", contentType: `${FORM}; charset=UTF-8`, body: form },
  { name: "JSON", contentType: JSON_TYPE, body: json },
  { name: "JSON, upper-case type", contentType: "APPLICATION/JSON", body: json },
  { name: "JSON; a parameter naming the form type", contentType: `${JSON_TYPE}; x="${FORM}"`, body: json },
];

/** Encodings the BFF refuses before any check: the status it answers. */
const REFUSED: (Variant & { status: number })[] = [
  { name: "JSON body, JSON then form type", contentType: `${JSON_TYPE}, ${FORM}`, body: json, status: 415 },
  { name: "form body, form then JSON type", contentType: `${FORM}, ${JSON_TYPE}`, body: form, status: 415 },
  { name: "JSON body labelled form + JSON", contentType: `${FORM}, ${JSON_TYPE}`, body: json, status: 415 },
  { name: "multipart", contentType: "multipart/form-data; boundary=b", body: multipart, status: 415 },
  { name: "text/plain", contentType: "text/plain", body: form, status: 415 },
  {
    name: "JSON, field names in upper case",
    contentType: JSON_TYPE,
    body: (f) =>
      JSON.stringify(
        Object.fromEntries(Object.entries(f).map(([k, v]) => [k[0]!.toUpperCase() + k.slice(1), v])),
      ),
    status: 400,
  },
  { name: "JSON array", contentType: JSON_TYPE, body: (f) => JSON.stringify([f]), status: 400 },
  { name: "form body labelled JSON", contentType: JSON_TYPE, body: form, status: 400 },
];

interface AalTwoFlow {
  id: string;
  csrf: string;
}

/** The aal2 login flow of the page's session, created through the BFF. */
async function aal2Flow(page: Page): Promise<AalTwoFlow> {
  const res = await page.request.get("/api/kratos/self-service/login/browser?aal=aal2", {
    headers: { accept: "application/json" },
  });
  expect(res.status()).toBe(200);
  const flow = (await res.json()) as {
    id: string;
    ui: { nodes: { attributes: { name?: string; value?: unknown } }[] };
  };
  const csrf = flow.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value;
  return { id: flow.id, csrf: String(csrf) };
}

function post(request: APIRequestContext, url: string, v: Variant, fields: Fields, accept = "*/*") {
  return request.post(url, {
    headers: { "content-type": v.contentType, accept },
    data: Buffer.from(v.body(fields)),
    maxRedirects: 0,
  });
}

function loginEmails(user: TestUser): Promise<number> {
  return countEmails(user.email, { subject: SUBJECTS.login });
}

test(
  "an inbox-first session cannot get a login code in any encoding; Kratos sends none",
  { tag: "@policy" },
  async ({ page, request }) => {
    const user = await registerAndLogin(page, "contract");
    await signOut(page);
    await recoverWithEmailCode(page, user);
    const flow = await aal2Flow(page);
    const action = `/api/kratos/self-service/login?flow=${flow.id}`;
    const sendCode = { csrf_token: flow.csrf, method: "code", address: user.email };
    const before = await loginEmails(user);

    // Refused by the factor guard: back to the flow page with the notice (each counts against
    // the session's sign-in limit, so one request per encoding).
    for (const v of ACCEPTED) {
      const res = await post(page.request, action, v, sendCode);
      expect.soft(res.status(), v.name).toBe(303);
      expect
        .soft(res.headers()["location"] ?? "", v.name)
        .toContain(`/login?flow=${flow.id}&notice=inbox_second_factor`);
    }
    const asJson = await post(page.request, action, ACCEPTED[3]!, sendCode, "application/json");
    expect.soft(asJson.status()).toBe(403);
    expect.soft((await asJson.json()).error?.id).toBe("second_factor_same_channel");
    // Refused before any check, whatever the body says.
    for (const v of REFUSED) {
      const res = await post(page.request, action, v, sendCode, "application/json");
      expect.soft(res.status(), v.name).toBe(v.status);
      const body = await res.json().catch(() => null);
      expect.soft(body?.error?.id, v.name).toBe(v.status === 415 ? "unsupported_media_type" : "bad_request");
      if (v.status === 415) {
        expect
          .soft(body?.error?.message, v.name)
          .toContain("application/x-www-form-urlencoded or application/json");
      }
    }

    await flushCourier(request, user.email);
    expect(await loginEmails(user)).toBe(before);
  },
);

test(
  "a password-first session gets its login code in every accepted encoding",
  { tag: "@policy" },
  async ({ page }) => {
    const user = await registerAndLogin(page, "contractok");
    for (const [i, v] of ACCEPTED.entries()) {
      const flow = await aal2Flow(page);
      const action = `/api/kratos/self-service/login?flow=${flow.id}`;
      const res = await post(page.request, action, v, {
        csrf_token: flow.csrf,
        method: "code",
        address: user.email,
      });
      // Kratos's own answer: a redirect to the flow for forms, the flow as JSON for JSON bodies.
      expect.soft([303, 400], v.name).toContain(res.status());
      expect.soft(res.headers()["location"] ?? "", v.name).not.toContain("notice=");
      if (res.status() === 400) expect.soft((await res.json()).id, v.name).toBe(flow.id);
      // Kratos read the re-encoded body as the same request: it sent one more code.
      await expect.poll(() => loginEmails(user), { message: v.name, timeout: 30_000 }).toBe(i + 1);
    }
  },
);

test(
  "a password sign-in works in every accepted encoding",
  { tag: "@security" },
  async ({ request, page }) => {
    const user = newUser("contractlogin");
    await register(page, user);
    for (const v of ACCEPTED) {
      const flow = await (await request.get("/api/kratos/self-service/login/api")).json();
      const res = await post(request, `/api/kratos/self-service/login?flow=${flow.id}`, v, {
        method: "password",
        identifier: user.email,
        password: user.password,
      });
      expect.soft(res.status(), v.name).toBe(200);
      expect.soft((await res.json()).session_token, v.name).toBeTruthy();
    }
  },
);

test(
  "the per-account limit counts every encoding of one account's sign-in alike",
  { tag: "@security" },
  async ({ request, page }) => {
    const user = newUser("contractlimit");
    await register(page, user);
    const attempt = async (v: Variant, fields: Fields) => {
      const flow = await (await request.get("/api/kratos/self-service/login/api")).json();
      return post(request, `/api/kratos/self-service/login?flow=${flow.id}`, v, fields, "application/json");
    };
    // Ten wrong passwords, each encoding and spelling of the same account in turn.
    for (let i = 0; i < 10; i++) {
      const v = ACCEPTED[i % ACCEPTED.length]!;
      const fields: Fields =
        i === 9
          ? { method: "password", password_identifier: user.email, password: `wrong-${i}` }
          : {
              method: "password",
              identifier: i % 2 ? user.email.toUpperCase() : user.email,
              password: `wrong-${i}`,
            };
      const res = await attempt(v, fields);
      expect.soft(res.status(), `${i}: ${v.name}`).toBe(400);
    }
    // The eleventh is stopped by the BFF, whatever the encoding, even with the right password.
    for (const v of ACCEPTED) {
      const res = await attempt(v, { method: "password", identifier: user.email, password: user.password });
      expect.soft(res.status(), v.name).toBe(429);
    }
  },
);
