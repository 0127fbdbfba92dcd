// Deletes the signed-in user's account (Kratos v1.3.1 has no self-service deletion): only from a
// privileged session at the highest AAL the identity can reach, confirmed by the typed email
// (features/account-deletion/policy/accountDeletion.ts). Done with the admin API; every session of the identity is then
// gone in Kratos and marked revoked here, and this browser's cookies are cleared.
// Not under /settings on purpose: this route's own guard answers, with its own message.
import type { NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { readAppPost, seeOther, withKratos } from "@/lib/http/appPost";
import { emailOf } from "@/lib/http/currentSession";
import { loginPath } from "@/lib/http/paths";
import { activeSessionIdsOf, deleteIdentity, getUsableCredentials, whoami } from "@/lib/kratos/client";
import { amrOf } from "@/lib/session/facts";
import { decideDeletion } from "@/features/account-deletion/policy/accountDeletion";
import { SESSION_COOKIE } from "@/lib/policy/credential";
import { clearCacheCookieHeader } from "@/lib/session/cache";
import { markRevoked } from "@/lib/session/revocations";

const SETTINGS = "/settings/delete";

export async function POST(req: NextRequest) {
  const cfg = getConfig();
  const post = await readAppPost(req, SETTINGS);
  if (post instanceof Response) return post;
  return withKratos(SETTINGS, async () => {
    const session = await whoami(post.credential);
    if (!session?.identity) return seeOther(loginPath({ returnTo: SETTINGS }));
    const identity = session.identity;
    const decision = decideDeletion(
      {
        amr: amrOf(session),
        ...(await getUsableCredentials(identity.id)),
        authenticatedAt: session.authenticated_at,
        accountEmail: emailOf(identity),
        typedEmail: post.form.get("email"),
        now: new Date(),
        privilegedMaxAgeSeconds: cfg.privilegedSessionMaxAgeSeconds,
      },
      cfg.factorPolicy,
    );
    if (decision.type === "email_mismatch") return seeOther(`${SETTINGS}?notice=delete_email_mismatch`);
    if (decision.type === "reauthenticate")
      return seeOther(
        loginPath({
          refresh: true,
          aal: decision.aal === "aal2" ? "aal2" : undefined,
          returnTo: SETTINGS,
          notice: "reauth_to_delete",
        }),
      );

    const sessionIds = await activeSessionIdsOf(identity.id);
    await deleteIdentity(identity.id);
    await markRevoked([...new Set([session.id, ...sessionIds])]);
    const res = seeOther(loginPath({ notice: "account_deleted" }));
    const secure = cfg.secureCookies ? "; Secure" : "";
    res.headers.append(
      "set-cookie",
      `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`,
    );
    res.headers.append("set-cookie", clearCacheCookieHeader(cfg.secureCookies));
    return res;
  });
}
