// Sign-out: a same-origin POST only. Asks Kratos for a logout token with the request's session
// cookie, performs the logout server-side, passes Kratos's cookie deletions back and marks the
// session revoked, so that no copy of its session-check cache is trusted any more.
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { jsonError } from "@/lib/http/jsonError";
import { createLogoutFlow, forwardToPublic, whoami } from "@/lib/kratos/client";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { credentialOf } from "@/lib/http/credential";
import { credentialHeaders } from "@/lib/policy/credential";
import { markRevoked } from "@/lib/session/revocations";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { unavailablePath } from "@/lib/http/loadFlow";
import { clearCacheCookieHeader } from "@/lib/session/cache";

export async function POST(req: NextRequest) {
  const cfg = getConfig();
  const origin = req.headers.get("origin");
  if (origin !== null && origin !== cfg.appUrl.origin) {
    return jsonError(403, "forbidden_origin", "Cross-site sign-out refused.");
  }
  const form = await req.formData().catch(() => null);
  const requested = validatedReturnTo(form?.get("return_to"));
  const to = new URL(requested ?? "/login?notice=signed_out", cfg.appUrl);
  const res = NextResponse.redirect(to, 303);
  res.headers.append("set-cookie", clearCacheCookieHeader(cfg.secureCookies));
  const { credential } = credentialOf(req.headers);
  if (credential.type === "none") return res;
  try {
    const session = await whoami(credential);
    const flow = session && (await createLogoutFlow(credential));
    if (!session || !flow) return res;
    const upstream = await forwardToPublic(
      "self-service/logout",
      `?token=${encodeURIComponent(flow.logout_token)}`,
      { headers: { ...credentialHeaders(credential), accept: "application/json" } },
    );
    for (const c of upstream.headers.getSetCookie()) res.headers.append("set-cookie", c);
    await markRevoked([session.id]);
    return res;
  } catch (err) {
    if (err instanceof KratosUnavailableError)
      return NextResponse.redirect(new URL(unavailablePath("/"), cfg.appUrl), 303);
    throw err;
  }
}
