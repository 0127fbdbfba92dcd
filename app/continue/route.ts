// Where Kratos sends the browser after sign-in or sign-up: asks users with an authenticator
// app, security key or backup codes for it at once; otherwise applies the enrollment gate;
// then goes on to the (validated) return_to.
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { GATE_COOKIE, markPrompted, shouldPromptEnrollment } from "@/lib/enrollmentGate";
import { getUsableCredentialTypes, whoami } from "@/lib/kratos/client";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { validatedReturnTo } from "@/lib/kratos/loadFlow";
import { effectiveAal, needsIndependentSecondFactor } from "@/lib/factorPolicy";
import { loginPath } from "@/lib/paths";

export async function GET(req: NextRequest) {
  const cfg = getConfig();
  const returnTo =
    validatedReturnTo(req.nextUrl.searchParams.get("return_to")) ?? new URL("/", cfg.appUrl).href;
  try {
    const session = await whoami({ cookie: req.headers.get("cookie") });
    if (session?.identity) {
      const identityId = session.identity.id;
      const prompted = req.cookies.get(GATE_COOKIE)?.value;
      const credentialTypes = await getUsableCredentialTypes(identityId);
      // Users who enrolled an independent second factor are asked for it right away.
      if (
        !needsIndependentSecondFactor(credentialTypes) &&
        effectiveAal(session.authentication_methods ?? []) !== "aal2"
      ) {
        return NextResponse.redirect(new URL(loginPath({ aal: "aal2", returnTo }), cfg.appUrl), 303);
      }
      if (
        shouldPromptEnrollment({
          enabled: cfg.enrollmentGate,
          credentialTypes,
          identityId,
          promptedCookie: prompted,
        })
      ) {
        const to = new URL(`/secure-account?return_to=${encodeURIComponent(returnTo)}`, cfg.appUrl);
        const res = NextResponse.redirect(to, 303);
        res.cookies.set(GATE_COOKIE, markPrompted(prompted, identityId), {
          httpOnly: true,
          sameSite: "lax",
          secure: cfg.secureCookies,
          path: "/",
          maxAge: 60 * 60 * 24 * 365,
        });
        return res;
      }
    }
  } catch (err) {
    // The gate is advice, not access control: if Kratos is slow here, carry on.
    if (!(err instanceof KratosUnavailableError)) throw err;
  }
  return NextResponse.redirect(returnTo, 303);
}
