// The logout decision post (/oauth2/logout/decision): confirming ends the Kratos session too,
// then Hydra runs the clients' front- and back-channel logout and returns to the client's
// post_logout_redirect_uri.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { clearCacheCookieHeader } from "@/lib/session/cache";
import { endKratosSession } from "@/lib/session/signOut";
import { acceptLogout, getLogoutRequest, rejectLogout } from "@/features/hydra/server/admin";
import { challengeRefused, handOff, withUpstreams } from "@/features/hydra/server/answers";
import { markAnswered } from "@/features/hydra/server/challenges";
import { readDecisionPost } from "@/features/hydra/server/forms";

export async function handleLogoutDecision(req: NextRequest): Promise<Response> {
  const post = await readDecisionPost(req, "logout_challenge");
  if (post instanceof Response) return post;
  const { challenge, form } = post;
  return withUpstreams(req, async () => {
    await getLogoutRequest(challenge);
    if (form.get("decision") !== "confirm") {
      await rejectLogout(challenge);
      await markAnswered(challenge);
      return NextResponse.redirect(new URL("/", getConfig().appUrl), 303);
    }
    const to = await acceptLogout(challenge);
    await markAnswered(challenge);
    if (!to) return challengeRefused(req, "unknown");
    const { setCookies } = await endKratosSession(req.headers);
    const res = handOff(req, to, true);
    res.headers.append("set-cookie", clearCacheCookieHeader(getConfig().secureCookies));
    for (const c of setCookies) res.headers.append("set-cookie", c);
    return res;
  });
}
