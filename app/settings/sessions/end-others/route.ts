// "Sign out everywhere else": Kratos ends every session of the identity but this one; each of
// them is marked revoked so that no instance keeps trusting its cached session check.
import type { NextRequest } from "next/server";
import { readAppPost, seeOther, withKratos } from "@/lib/http/appPost";
import { loginPath } from "@/lib/http/paths";
import { listMyOtherSessions, revokeAllMyOtherSessions } from "@/lib/kratos/client";
import { markRevoked } from "@/lib/session/revocations";
import { notifySessionsEnded } from "@/features/notifications/server/sessionEvents";

export async function POST(req: NextRequest) {
  const post = await readAppPost(req, "/settings/sessions");
  if (post instanceof Response) return post;
  return withKratos("/settings/sessions", async () => {
    // Listed first: Kratos's answer to the revocation is only a count.
    const others = await listMyOtherSessions(post.credential);
    if (!others || !(await revokeAllMyOtherSessions(post.credential)))
      return seeOther(loginPath({ returnTo: "/settings/sessions" }));
    await markRevoked(others.map((s) => s.id));
    const ended = { type: "other_sessions_ended", count: others.length } as const;
    notifySessionsEnded(
      req.headers,
      post.credential,
      ended,
      others.map((s) => s.id),
    );
    return seeOther("/settings/sessions?notice=other_sessions_ended");
  });
}
