// The /oauth2/ decision posts: same-origin form posts only (lib/http/sameOrigin.ts), like the
// app's other form routes, and a challenge the app has not answered yet.
import "server-only";
import type { NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { jsonError } from "@/lib/http/jsonError";
import { isCrossSiteRequest } from "@/lib/http/sameOrigin";
import { hydraEnabled } from "@/features/hydra/server/admin";
import { challengeRefused } from "@/features/hydra/server/answers";
import { wasAnswered } from "@/features/hydra/server/challenges";

export interface DecisionPost {
  challenge: string;
  form: FormData;
}

export async function readDecisionPost(req: NextRequest, field: string): Promise<DecisionPost | Response> {
  if (!hydraEnabled()) return challengeRefused(req, "disabled");
  if (isCrossSiteRequest(req.headers, getConfig().appUrl.origin))
    return jsonError(403, "forbidden_origin", "Cross-site request refused.");
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded")
    return jsonError(415, "unsupported_media_type", "Send an application/x-www-form-urlencoded form.");
  const form = await req.formData().catch(() => null);
  if (!form) return jsonError(400, "malformed_form", "The form could not be read.");
  const challenge = form.get(field);
  if (typeof challenge !== "string" || challenge === "") return challengeRefused(req, "missing");
  if (await wasAnswered(challenge)) return challengeRefused(req, "answered");
  return { challenge, form };
}
