// Hydra's login URL (/oauth2/login): the app answers Hydra's login request itself, through the
// admin API, after its own sign-in pages have done their work. The ID token's `acr` is the AAL
// the app's factor policy trusts, not Kratos's.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { Session } from "@ory/client-fetch";
import { getConfig } from "@/lib/config";
import { credentialOf } from "@/lib/http/credential";
import { loginPath } from "@/lib/http/paths";
import { whoami } from "@/lib/kratos/client";
import { amrOf } from "@/lib/session/facts";
import { acceptLogin, getLoginRequest, hydraEnabled, rejectRequest } from "@/features/hydra/server/admin";
import { challengeRefused, handOff, withUpstreams } from "@/features/hydra/server/answers";
import { freshMark, markAnswered, readFreshMark, wasAnswered } from "@/features/hydra/server/challenges";
import { decideLogin, type KratosSessionFacts } from "@/features/hydra/policy/login";

export const OAUTH2_LOGIN_PATH = "/oauth2/login";
// The way back through /login and /continue must fit the app's return_to limit (2048).
const MAX_RETURN_PATH = 1900;

function sessionFacts(session: Session | null): KratosSessionFacts | null {
  if (!session?.identity || !session.authenticated_at) return null;
  return {
    identityId: session.identity.id,
    kratosAal: session.authenticator_assurance_level ?? "aal0",
    amr: amrOf(session),
    authenticatedAt: new Date(session.authenticated_at),
  };
}

export async function handleLogin(req: NextRequest): Promise<Response> {
  if (!hydraEnabled()) return challengeRefused(req, "disabled");
  const challenge = req.nextUrl.searchParams.get("login_challenge");
  if (!challenge) return challengeRefused(req, "missing");
  return withUpstreams(req, async () => {
    if (await wasAnswered(challenge)) return challengeRefused(req, "answered");
    const request = await getLoginRequest(challenge);
    const { credential } = credentialOf(req.headers);
    const session = credential.type === "none" ? null : await whoami(credential);
    const facts = sessionFacts(session);
    const now = new Date();
    const answer = decideLogin(
      {
        skip: request.skip,
        subject: request.subject,
        requestUrl: request.request_url,
        acrValues: request.oidc_context?.acr_values ?? [],
      },
      facts,
      getConfig().factorPolicy,
      now,
      readFreshMark(challenge, req.nextUrl.searchParams.get("fresh")),
    );
    if (answer.type === "sign_in") {
      const back = new URLSearchParams({ login_challenge: challenge });
      if (answer.fresh) back.set("fresh", freshMark(challenge, now));
      const returnTo = `${OAUTH2_LOGIN_PATH}?${back}`;
      if (returnTo.length > MAX_RETURN_PATH) return challengeRefused(req, "too_long");
      const to = loginPath({ aal: answer.aal, refresh: answer.refresh, returnTo });
      return NextResponse.redirect(new URL(to, getConfig().appUrl), 303);
    }
    const redirectTo =
      answer.type === "accept"
        ? await acceptLogin(challenge, {
            subject: answer.subject,
            acr: answer.acr,
            amr: answer.amr,
            // Hydra remembers the sign-in (prompt=none works; its cookie lasts the browser session);
            // every later request still comes here and is judged against the Kratos session.
            remember: true,
            identity_provider_session_id: session?.id,
          })
        : await rejectRequest("login", challenge, answer.error, answer.description);
    await markAnswered(challenge);
    return redirectTo ? handOff(req, redirectTo) : challengeRefused(req, "unknown");
  });
}
