// Signs out one of the user's other devices: Kratos ends the session, and the revocation marker
// makes every instance stop trusting its cached session check at once.
import type { NextRequest } from "next/server";
import { jsonError } from "@/lib/http/jsonError";
import { readAppPost, seeOther, withKratos } from "@/lib/http/appPost";
import { loginPath } from "@/lib/http/paths";
import { revokeMyOtherSession } from "@/lib/kratos/client";
import { KratosResponseError } from "@/lib/kratos/errors";
import { markRevoked } from "@/lib/session/revocations";
import { notifySessionsEnded } from "@/features/notifications/server/sessionEvents";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function POST(req: NextRequest) {
  const post = await readAppPost(req, "/settings/sessions");
  if (post instanceof Response) return post;
  const id = post.form.get("session_id");
  if (typeof id !== "string" || !UUID.test(id))
    return jsonError(400, "invalid_session_id", "session_id must be the id of one of your sessions.");
  return withKratos("/settings/sessions", async () => {
    try {
      // Kratos answers 204 for an id that belongs to someone else and changes nothing; marking it
      // here only costs that session one fresh check with Kratos.
      if ((await revokeMyOtherSession(post.credential, id)) === "signed_out")
        return seeOther(loginPath({ returnTo: "/settings/sessions" }));
    } catch (err) {
      if (err instanceof KratosResponseError && err.status === 400)
        return jsonError(400, "cannot_end_session", "This device's own session ends with “Sign out”.");
      throw err;
    }
    await markRevoked([id]);
    notifySessionsEnded(req.headers, post.credential, { type: "session_ended" }, [id]);
    return seeOther("/settings/sessions?notice=session_ended");
  });
}
