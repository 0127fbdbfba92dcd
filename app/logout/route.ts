// Sign-out: a same-origin POST only. Ends the Kratos session server-side (lib/session/signOut.ts)
// and passes Kratos's cookie deletions back.
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { jsonError } from "@/lib/http/jsonError";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { unavailablePath } from "@/lib/http/loadFlow";
import { clearCacheCookieHeader } from "@/lib/session/cache";
import { endKratosSession } from "@/lib/session/signOut";
// hydra feature: Hydra's remembered sign-ins of this user end with the app's.
import { revokeLoginSessions } from "@/features/hydra/server/admin";

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
  try {
    const { setCookies, identityId } = await endKratosSession(req.headers);
    for (const c of setCookies) res.headers.append("set-cookie", c);
    if (identityId) await revokeLoginSessions(identityId);
    return res;
  } catch (err) {
    if (err instanceof KratosUnavailableError)
      return NextResponse.redirect(new URL(unavailablePath("/"), cfg.appUrl), 303);
    throw err;
  }
}
