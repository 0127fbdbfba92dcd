// Claims of the local OpenID provider (and of any provider that sends standard OIDC claims)
// to identity traits. The address counts as verified only when the provider says so.
local claims = std.extVar('claims');
local verified = std.objectHas(claims, 'email') && std.objectHas(claims, 'email_verified') && claims.email_verified;

{
  identity: {
    traits: {
      [if std.objectHas(claims, 'email') then 'email' else null]: claims.email,
      [if std.objectHas(claims, 'name') && claims.name != '' then 'name' else null]: claims.name,
    },
    verified_addresses: std.prune([
      if verified then { via: 'email', value: claims.email },
    ]),
  },
}
