// The body of the notifications feature's web_hook (features/notifications/stack.mjs). Kratos
// v1.3.1's context: ctx.flow, ctx.identity (no credentials, no metadata_admin), ctx.request_headers
// (only its allow-list: User-Agent, Accept-Language, True-Client-Ip, …) and ctx.request_cookies.
function(ctx)
  local header(name) =
    if std.objectHas(ctx.request_headers, name) && std.length(ctx.request_headers[name]) > 0
    then ctx.request_headers[name][0] else '';
  {
    flow_id: ctx.flow.id,
    identity_id: ctx.identity.id,
    user_agent: header('User-Agent'),
    accept_language: header('Accept-Language'),
    // The BFF sends the client address it judged (TRUST_PROXY) as True-Client-Ip.
    client_ip: header('True-Client-Ip'),
    locale: if std.objectHas(ctx.request_cookies, 'locale') then ctx.request_cookies.locale else '',
  }
