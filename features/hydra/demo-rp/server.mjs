// The demo relying party: a second app that signs in "with" this one through Hydra, using the
// `openid-client` package (authorization code + PKCE), shows the ID token's claims, and signs out
// (RP-initiated logout; Hydra's front- and back-channel logout come back here).
// Started by the stacks: `node server.mjs '<settings JSON>'` (features/hydra/stack.mjs).
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import * as client from "openid-client";
import { createRemoteJWKSet, jwtVerify } from "jose";

const { port, issuer, clientId, clientSecret, publicUrl } = JSON.parse(process.argv[2]);
const callbackUrl = `${publicUrl}/callback`;
// Hydra on a loopback http address in dev and tests; https anywhere else.
const insecure = new URL(issuer).protocol === "http:";
/**
 * Hydra's metadata and keys, discovered on first use (and again after a failed try): the
 * cluster's issuer is behind nginx, which starts after this process is ready.
 */
let discovered;
function provider() {
  discovered ??= (async () => {
    // Hydra's clients authenticate with HTTP Basic (token_endpoint_auth_method client_secret_basic).
    const config = await client.discovery(
      new URL(issuer),
      clientId,
      clientSecret,
      client.ClientSecretBasic(clientSecret),
      { execute: insecure ? [client.allowInsecureRequests] : [] },
    );
    return { config, jwks: createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri)) };
  })().catch((err) => {
    discovered = undefined;
    throw err;
  });
  return discovered;
}

/** Pending sign-ins by state, and signed-in browsers by cookie. In memory: a demo. */
const pending = new Map();
const sessions = new Map();
/** What Hydra's logout told this RP, newest last (shown at /events for the e2e). */
const events = [];

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (
  title,
  body,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}pre{background:#f4f4f5;padding:1rem;overflow:auto}</style></head>
<body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;

function send(res, status, html, headers = {}) {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    ...headers,
  });
  res.end(html);
}
const redirect = (res, to, headers = {}) => {
  res.writeHead(303, { location: to, "cache-control": "no-store", ...headers });
  res.end();
};
const cookieOf = (req) => /(?:^|;\s*)demo_rp=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? "")?.[1];
const readBody = (req) =>
  new Promise((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(new URLSearchParams(data)));
  });

async function signIn(url, res) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  pending.set(state, { verifier, nonce });
  const params = {
    redirect_uri: callbackUrl,
    scope: url.searchParams.get("scope") ?? "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  };
  for (const extra of ["acr_values", "prompt", "max_age"]) {
    const v = url.searchParams.get(extra);
    if (v) params[extra] = v;
  }
  const { config } = await provider();
  redirect(res, client.buildAuthorizationUrl(config, params).href);
}

async function callback(url, res) {
  const state = url.searchParams.get("state") ?? "";
  const tx = pending.get(state);
  pending.delete(state);
  const error = url.searchParams.get("error");
  if (error || !tx) {
    const text = error ? `${error}: ${url.searchParams.get("error_description") ?? ""}` : "unknown state";
    return send(
      res,
      400,
      page("Sign-in failed", `<p data-testid="rp-error">${esc(text)}</p><p><a href="/">Back</a></p>`),
    );
  }
  const { config } = await provider();
  // Checks the ID token's signature, issuer, audience and nonce, and the PKCE verifier.
  const tokens = await client.authorizationCodeGrant(config, url, {
    pkceCodeVerifier: tx.verifier,
    expectedState: state,
    expectedNonce: tx.nonce,
    idTokenExpected: true,
  });
  const id = randomBytes(16).toString("base64url");
  sessions.set(id, { claims: tokens.claims(), idToken: tokens.id_token });
  redirect(res, "/", { "set-cookie": `demo_rp=${id}; Path=/; HttpOnly; SameSite=Lax` });
}

function home(req, res) {
  const s = sessions.get(cookieOf(req) ?? "");
  if (!s)
    return send(
      res,
      200,
      page(
        "Demo relying party",
        `<p data-testid="rp-signed-out">Not signed in.</p>
<ul><li><a href="/login">Sign in</a></li><li><a href="/login?acr_values=aal2">Sign in with a second factor (acr_values=aal2)</a></li>
<li><a href="/login?prompt=login">Sign in afresh (prompt=login)</a></li><li><a href="/login?prompt=none">Sign in silently (prompt=none)</a></li></ul>`,
      ),
    );
  send(
    res,
    200,
    page(
      "Demo relying party",
      `<p>Signed in. The ID token's claims, as verified by openid-client:</p>
<pre data-testid="rp-claims">${esc(JSON.stringify(s.claims, null, 2))}</pre>
<form method="post" action="/logout"><button type="submit">Sign out</button></form>`,
    ),
  );
}

async function logout(req, res) {
  const id = cookieOf(req) ?? "";
  const s = sessions.get(id);
  sessions.delete(id);
  if (!s) return redirect(res, "/");
  const { config } = await provider();
  const to = client.buildEndSessionUrl(config, {
    id_token_hint: s.idToken,
    post_logout_redirect_uri: `${publicUrl}/signed-out`,
  });
  redirect(res, to.href, { "set-cookie": "demo_rp=; Path=/; Max-Age=0" });
}

function endSessionsOf(sid, channel) {
  for (const [id, s] of sessions) if (s.claims.sid === sid) sessions.delete(id);
  events.push({ channel, sid, at: new Date().toISOString() });
}

async function backchannel(req, res) {
  const token = (await readBody(req)).get("logout_token") ?? "";
  try {
    const { config, jwks } = await provider();
    const { payload } = await jwtVerify(token, jwks, {
      issuer: config.serverMetadata().issuer,
      audience: clientId,
    });
    const isLogout = payload.events?.["http://schemas.openid.net/event/backchannel-logout"] !== undefined;
    if (!isLogout || typeof payload.sid !== "string") throw new Error("not a logout token with a sid");
    endSessionsOf(payload.sid, "back");
    res.writeHead(200, { "cache-control": "no-store" });
  } catch {
    res.writeHead(400);
  }
  res.end();
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", publicUrl);
  try {
    if (req.method === "GET" && url.pathname === "/") return home(req, res);
    if (req.method === "GET" && url.pathname === "/health") return send(res, 200, "ok");
    if (req.method === "GET" && url.pathname === "/login") return await signIn(url, res);
    if (req.method === "GET" && url.pathname === "/callback") return await callback(url, res);
    if (req.method === "POST" && url.pathname === "/logout") return await logout(req, res);
    if (req.method === "GET" && url.pathname === "/signed-out")
      return send(
        res,
        200,
        page(
          "Signed out",
          `<p data-testid="rp-logged-out">You are signed out.</p><p><a href="/">Back</a></p>`,
        ),
      );
    if (req.method === "GET" && url.pathname === "/frontchannel-logout") {
      if (url.searchParams.get("iss") === (await provider()).config.serverMetadata().issuer)
        endSessionsOf(url.searchParams.get("sid"), "front");
      return send(res, 200, "");
    }
    if (req.method === "POST" && url.pathname === "/backchannel-logout") return await backchannel(req, res);
    if (req.method === "GET" && url.pathname === "/events") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      return res.end(JSON.stringify(events));
    }
    send(res, 404, page("Not found", ""));
  } catch (err) {
    console.error(err);
    send(res, 400, page("Sign-in failed", `<p data-testid="rp-error">${esc(err.message)}</p>`));
  }
}).listen(port, "127.0.0.1", () => console.log(`[demo-rp] on ${publicUrl}`));
