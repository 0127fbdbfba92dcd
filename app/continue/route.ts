// Where Kratos sends the browser after sign-in or sign-up (features/enrollment-gate/policy/enrollmentGate.ts decides):
// step-up for users with an independent second factor, the enrollment prompt once for users
// without one, then the (validated) return_to.
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { afterSignIn, GATE_COOKIE, markPrompted } from "@/features/enrollment-gate/policy/enrollmentGate";
import { getUsableCredentials, whoami } from "@/lib/kratos/client";
import { amrOf } from "@/lib/session/facts";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { credentialOf } from "@/lib/http/credential";
import { loginPath } from "@/lib/http/paths";

const ONE_YEAR = 60 * 60 * 24 * 365;

export async function GET(req: NextRequest) {
  const cfg = getConfig();
  const returnTo =
    validatedReturnTo(req.nextUrl.searchParams.get("return_to")) ?? new URL("/", cfg.appUrl).href;
  try {
    const session = await whoami(credentialOf(req.headers).credential);
    if (session?.identity) {
      const identityId = session.identity.id;
      const prompted = req.cookies.get(GATE_COOKIE)?.value;
      const next = afterSignIn({
        gateEnabled: cfg.enrollmentGate,
        credentialTypes: (await getUsableCredentials(identityId)).credentialTypes,
        amr: amrOf(session),
        policy: cfg.factorPolicy,
        identityId,
        promptedCookie: prompted,
      });
      if (next.type === "step_up") {
        return NextResponse.redirect(new URL(loginPath({ aal: "aal2", returnTo }), cfg.appUrl), 303);
      }
      if (next.type === "prompt_enrollment") {
        const to = new URL(`/secure-account?return_to=${encodeURIComponent(returnTo)}`, cfg.appUrl);
        const res = NextResponse.redirect(to, 303);
        const cookie = {
          httpOnly: true,
          sameSite: "lax" as const,
          secure: cfg.secureCookies,
          path: "/",
          maxAge: ONE_YEAR,
        };
        res.cookies.set(GATE_COOKIE, markPrompted(prompted, identityId), cookie);
        return res;
      }
    }
  } catch (err) {
    // The gate is advice, not access control: if Kratos is slow here, carry on.
    if (!(err instanceof KratosUnavailableError)) throw err;
  }
  return NextResponse.redirect(returnTo, 303);
}
