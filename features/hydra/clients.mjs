// Registers (or updates) an OAuth2 client in Hydra through its admin API: used by the stacks for
// the demo relying party and by `npm run hydra:client` for a developer's own.

/**
 * The client's registration. `firstParty`: this deployment's own app, which asks no consent
 * (metadata.first_party, read by features/hydra/policy/consent.ts; only the admin API can set it).
 */
export function clientBody({
  id,
  secret,
  name,
  redirectUris,
  postLogoutRedirectUris = [],
  firstParty = false,
  frontchannelLogoutUri,
  backchannelLogoutUri,
  logoUri,
  clientUri,
}) {
  return {
    client_id: id,
    client_secret: secret,
    client_name: name ?? id,
    redirect_uris: redirectUris,
    post_logout_redirect_uris: postLogoutRedirectUris,
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    scope: "openid email profile offline_access",
    token_endpoint_auth_method: "client_secret_basic",
    metadata: { first_party: firstParty },
    ...(frontchannelLogoutUri
      ? { frontchannel_logout_uri: frontchannelLogoutUri, frontchannel_logout_session_required: true }
      : {}),
    ...(backchannelLogoutUri
      ? { backchannel_logout_uri: backchannelLogoutUri, backchannel_logout_session_required: true }
      : {}),
    ...(logoUri ? { logo_uri: logoUri } : {}),
    ...(clientUri ? { client_uri: clientUri } : {}),
  };
}

/** Creates the client, or replaces the registration of the one with this id. Returns Hydra's answer. */
export async function registerClient(adminUrl, client) {
  const body = JSON.stringify(clientBody(client));
  const headers = { "content-type": "application/json", accept: "application/json" };
  const base = new URL("/admin/clients", adminUrl);
  const existing = await fetch(`${base}/${encodeURIComponent(client.id)}`, { headers });
  const res = existing.ok
    ? await fetch(`${base}/${encodeURIComponent(client.id)}`, { method: "PUT", headers, body })
    : await fetch(base, { method: "POST", headers, body });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new Error(
      `Hydra refused the client ${client.id} (${res.status}): ${answer.error_description ?? ""}`,
    );
  return answer;
}
