// A local, standards-compliant OpenID Connect provider for the dev and test stacks (the
// `oidc-provider` package, a certified implementation), with an interaction page of our own:
// sign in by typing any email address and a name (each test uses a unique address), then
// allow or deny sharing them with the app. The addresses count as verified. A few fixed
// accounts (accounts.json beside this file) are listed on the sign-in page for people trying it.
// Loopback only; nothing here is for production.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Provider, { interactionPolicy } from "oidc-provider";

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXED_ACCOUNTS = JSON.parse(readFileSync(path.join(here, "accounts.json"), "utf8"));

// The provider asks who you are on every authorization, not only once per browser: so each
// sign-in through the app shows the sign-in page (and the tests always meet it). The check lets
// the request through once this very authorization has a login result.
function alwaysSignInPolicy() {
  const policy = interactionPolicy.base();
  policy
    .get("login")
    .checks.add(
      new interactionPolicy.Check("every_time", "The local provider asks on every sign-in", (ctx) =>
        ctx.oidc.result?.login
          ? interactionPolicy.Check.NO_NEED_TO_PROMPT
          : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );
  return policy;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_BODY = 8 * 1024;

const escapeHtml = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );

// The subject is the lower-cased address, so signing in again with it is the same account.
const subjectOf = (email) => email.trim().toLowerCase();

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1f2937}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin:1rem .5rem 0 0;padding:.5rem 1rem}p.error{color:#b91c1c}</style></head>
<body><main><p>Local OpenID provider (development only)</p><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function readForm(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on("data", (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}

/**
 * Starts the provider on 127.0.0.1:`port` with one confidential client (`clientId`,
 * `clientSecret`) that may redirect only to `redirectUris`. Returns { issuer, close }.
 * `publicUrl`: the https address of a TLS proxy in front of it (the cluster's nginx); it is
 * then the issuer, and the proxy's X-Forwarded-Proto/-Host make the endpoints' URLs https.
 */
export async function startOidcProvider({
  port,
  clientId,
  clientSecret,
  redirectUris,
  cookieKey,
  publicUrl,
}) {
  const issuer = publicUrl ?? `http://127.0.0.1:${port}`;
  const accounts = new Map(FIXED_ACCOUNTS.map((a) => [subjectOf(a.email), a]));
  const redirectOrigins = [...new Set(redirectUris.map((u) => new URL(u).origin))];
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys: [{ ...signingKey, use: "sig", alg: "RS256" }] },
    cookies: { keys: [cookieKey ?? randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Claims in the ID token too, not only from userinfo: Kratos's generic provider reads the ID token.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AuthorizationCode: 60,
      IdToken: 600,
      AccessToken: 600,
    },
    interactions: {
      policy: alwaysSignInPolicy(),
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: account.email, email_verified: true, name: account.name }),
      };
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = page(
        "Sign-in failed",
        `<p class="error">${escapeHtml(out.error_description ?? out.error)}</p>`,
      );
    },
  });

  // Koa reads X-Forwarded-* only when told to: the endpoints' URLs and Secure cookies follow it.
  if (publicUrl) provider.proxy = true;

  const send = (res, status, html) => {
    res.writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      // The consent answer redirects to Kratos at the app's origin; Chrome checks form-action on redirects.
      "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${redirectOrigins.join(" ")}; frame-ancestors 'none'`,
      "cache-control": "no-store",
    });
    res.end(html);
  };

  const signInForm = (uid, client, error, values = {}) =>
    page(
      `Sign in to continue to ${client}`,
      `${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
<label for="email">Email</label><input id="email" name="email" type="email" required value="${escapeHtml(values.email ?? "")}">
<label for="name">Name</label><input id="name" name="name" value="${escapeHtml(values.name ?? "")}">
<button type="submit">Sign in</button></form>
<p>Any address works here and counts as verified. Fixed accounts: ${FIXED_ACCOUNTS.map((a) => escapeHtml(a.email)).join(", ")}.</p>`,
    );

  const consentForm = (uid, client, account, scopes) =>
    page(
      `Allow ${client} to see your email address and name?`,
      `<p>Signed in as ${escapeHtml(account?.email ?? "")}. Asked for: ${escapeHtml(scopes.join(", "))}.</p>
<form method="post" action="/interaction/${uid}/confirm"><button type="submit">Allow</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Deny</button></form>`,
    );

  async function interaction(req, res, uid, action) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return send(res, 400, page("Sign-in failed", "<p>Unknown interaction.</p>"));
    const client = details.params.client_id === clientId ? "the app" : "this client";
    if (req.method === "GET" && !action) {
      if (details.prompt.name === "login") return send(res, 200, signInForm(uid, client));
      const scopes = details.prompt.details.missingOIDCScope ?? [];
      return send(res, 200, consentForm(uid, client, accounts.get(details.session?.accountId), scopes));
    }
    if (req.method !== "POST") return send(res, 405, page("Not allowed", "<p>Use the form.</p>"));
    if (action === "login") {
      const form = await readForm(req);
      const email = (form.get("email") ?? "").trim();
      const name = (form.get("name") ?? "").trim().slice(0, 200);
      if (!EMAIL.test(email) || email.length > 320)
        return send(res, 400, signInForm(uid, client, "Enter an email address.", { email, name }));
      const sub = subjectOf(email);
      accounts.set(sub, { email, name: name || accounts.get(sub)?.name || email.split("@")[0] });
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: sub } },
        { mergeWithLastSubmission: false },
      );
    }
    if (action === "confirm") {
      const { prompt, params, session } = details;
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
      if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(" "));
      if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
      const grantId = await grant.save();
      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    }
    if (action === "abort") {
      return provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "The user denied the request." },
        { mergeWithLastSubmission: false },
      );
    }
    return send(res, 404, page("Not found", "<p>Unknown step.</p>"));
  }

  const callback = provider.callback();
  const server = http.createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/.exec(req.url.split("?")[0]);
    if (!match) return callback(req, res);
    interaction(req, res, match[1], match[2]).catch((err) => {
      // An expired or unknown interaction (its cookie is gone): say so, never a stack trace.
      if (!res.headersSent)
        send(
          res,
          400,
          page(
            "Sign-in failed",
            `<p>${escapeHtml(err.error_description ?? "Start again from the app.")}</p>`,
          ),
        );
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// Run as a process of its own by the stacks (scripts/stack.mjs), so that the package's notices
// (no Node 22, the in-memory adapter that is right for a throw-away test provider) go to its log
// file, not to the developer's terminal. Settings come as one JSON argument.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const settings = JSON.parse(process.argv[2] ?? "{}");
  const { issuer } = await startOidcProvider(settings);
  console.log(`[oidc] listening at ${issuer}`);
}
