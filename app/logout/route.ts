// Sign-out: a same-origin POST only. Asks Kratos for a logout token with the browser's
// cookies, performs the logout server-side and passes Kratos's cookie deletions back. The ended
// session is marked revoked (lib/session/revocations.ts), so that a copy of this browser's
// cookies opens nothing on its cached session check either.
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { jsonError } from "@/lib/http/jsonError";
import { createLogoutFlow, forwardToPublic, whoami } from "@/lib/kratos/client";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { unavailablePath } from "@/lib/http/loadFlow";
import { clearCacheCookieHeader } from "@/lib/session/cache";
import { markRevoked } from "@/lib/session/revocations";

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
  const cookie = req.headers.get("cookie");
  if (!cookie) return res;
  try {
    // Kratos's logout answers nothing about the session it ends: ask which one it is first.
    const session = await whoami({ cookie });
    if (!session) return res;
    const flow = await createLogoutFlow(cookie);
    if (!flow) return res;
    const upstream = await forwardToPublic(
      "self-service/logout",
      `?token=${encodeURIComponent(flow.logout_token)}`,
      {
        headers: { cookie, accept: "application/json" },
      },
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
