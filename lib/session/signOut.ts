// Ends the request's Kratos session server-side: a logout token for the request's session, the
// logout itself, Kratos's cookie deletions for the answer, and the revocation marker (so that no
// copy of the session-check cache is trusted any more). Shared by /logout and /oauth2/logout.
import "server-only";
import { createLogoutFlow, forwardToPublic, whoami } from "@/lib/kratos/client";
import { credentialOf } from "@/lib/http/credential";
import { credentialHeaders } from "@/lib/policy/credential";
import { markRevoked } from "@/lib/session/revocations";

export interface SignedOut {
  /** Kratos's Set-Cookie headers (the session cookie's deletion). */
  setCookies: string[];
  /** The identity whose session ended, if there was one. */
  identityId?: string;
}

/** Throws KratosUnavailableError when Kratos does not answer. */
export async function endKratosSession(headers: Headers): Promise<SignedOut> {
  const { credential } = credentialOf(headers);
  if (credential.type === "none") return { setCookies: [] };
  const session = await whoami(credential);
  const flow = session && (await createLogoutFlow(credential));
  if (!session || !flow) return { setCookies: [] };
  const upstream = await forwardToPublic(
    "self-service/logout",
    `?token=${encodeURIComponent(flow.logout_token)}`,
    {
      headers: { ...credentialHeaders(credential), accept: "application/json" },
    },
  );
  await markRevoked([session.id]);
  return { setCookies: upstream.headers.getSetCookie(), identityId: session.identity?.id };
}
