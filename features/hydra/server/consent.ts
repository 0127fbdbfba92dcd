// The consent decision post (/oauth2/consent/decision) and the accept both paths share.
import "server-only";
import type { NextRequest } from "next/server";
import type { Identity } from "@ory/client-fetch";
import { credentialOf } from "@/lib/http/credential";
import { whoami } from "@/lib/kratos/client";
import {
  acceptConsent,
  getConsentRequest,
  rejectRequest,
  type ConsentRequest,
} from "@/features/hydra/server/admin";
import { challengeRefused, handOff, withUpstreams } from "@/features/hydra/server/answers";
import { markAnswered } from "@/features/hydra/server/challenges";
import { readDecisionPost } from "@/features/hydra/server/forms";
import { claimsFor } from "@/features/hydra/policy/consent";

// How long a remembered consent lasts.
const REMEMBER_SECONDS = 30 * 24 * 3600;

/** Grants what the client asked for, with the identity's claims in the ID token. */
export async function grantConsent(
  request: ConsentRequest,
  identity: Identity,
  remember: boolean,
): Promise<string | undefined> {
  const scopes = request.requested_scope ?? [];
  const claims = claimsFor(scopes, {
    traits: identity.traits,
    verifiableAddresses: identity.verifiable_addresses ?? [],
  });
  const to = await acceptConsent(request.challenge, {
    grant_scope: scopes,
    grant_access_token_audience: request.requested_access_token_audience ?? [],
    remember,
    remember_for: remember ? REMEMBER_SECONDS : 0,
    session: { id_token: { ...claims } },
  });
  await markAnswered(request.challenge);
  return to;
}

export async function handleConsentDecision(req: NextRequest): Promise<Response> {
  const post = await readDecisionPost(req, "consent_challenge");
  if (post instanceof Response) return post;
  const { challenge, form } = post;
  return withUpstreams(req, async () => {
    const request = await getConsentRequest(challenge);
    // The challenge is a bearer secret: only the user it was made for may answer it.
    const { credential } = credentialOf(req.headers);
    const session = credential.type === "none" ? null : await whoami(credential);
    if (!session?.identity || session.identity.id !== request.subject)
      return challengeRefused(req, "subject");
    let to: string | undefined;
    if (form.get("decision") === "allow") {
      to = await grantConsent(request, session.identity, form.get("remember") === "on");
    } else {
      to = await rejectRequest("consent", challenge, "access_denied", "The user denied the request.");
      await markAnswered(challenge);
    }
    return to ? handOff(req, to, true) : challengeRefused(req, "unknown");
  });
}
