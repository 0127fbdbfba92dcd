// The /oauth2/ decision posts: same-origin form posts only (lib/http/appPost.ts), like the
// app's other form routes, and a challenge the app has not answered yet.
import "server-only";
import type { NextRequest } from "next/server";
import { readSameOriginForm } from "@/lib/http/appPost";
import { hydraEnabled } from "@/features/hydra/server/admin";
import { challengeRefused } from "@/features/hydra/server/answers";
import { wasAnswered } from "@/features/hydra/server/challenges";

export interface DecisionPost {
  challenge: string;
  form: FormData;
}

export async function readDecisionPost(req: NextRequest, field: string): Promise<DecisionPost | Response> {
  if (!hydraEnabled()) return challengeRefused(req, "disabled");
  const form = await readSameOriginForm(req);
  if (form instanceof Response) return form;
  const challenge = form.get(field);
  if (typeof challenge !== "string" || challenge === "") return challengeRefused(req, "missing");
  if (await wasAnswered(challenge)) return challengeRefused(req, "answered");
  return { challenge, form };
}
