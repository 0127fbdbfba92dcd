// What the app's own form-post routes (ending sessions, deleting the account, the OAuth2
// decisions) share: same-origin only, a form body, the request's one session credential, 303 answers, and Kratos outages as the
// 503 page.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { jsonError } from "@/lib/http/jsonError";
import { unavailablePath } from "@/lib/http/loadFlow";
import { loginPath } from "@/lib/http/paths";
import { isCrossSiteRequest } from "@/lib/http/sameOrigin";
import { credentialOf } from "@/lib/http/credential";
import { KratosResponseError, KratosUnavailableError } from "@/lib/kratos/errors";
import type { Credential } from "@/lib/policy/credential";

export interface AppPost {
  /** The request's one credential (never none: without one the post is sent to sign in). */
  credential: Exclude<Credential, { type: "none" }>;
  form: FormData;
}

/** A redirect the browser follows with a GET (after a POST). */
export function seeOther(path: string): Response {
  return NextResponse.redirect(new URL(path, getConfig().appUrl), 303);
}

/** A same-origin urlencoded form post's fields, or the answer that refuses the post. */
export async function readSameOriginForm(req: NextRequest): Promise<FormData | Response> {
  if (isCrossSiteRequest(req.headers, getConfig().appUrl.origin))
    return jsonError(403, "forbidden_origin", "Cross-site request refused.");
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded")
    return jsonError(415, "unsupported_media_type", "Send an application/x-www-form-urlencoded form.");
  const form = await req.formData().catch(() => null);
  return form ?? jsonError(400, "malformed_form", "The form could not be read.");
}

/** The post's credential and form, or the answer that refuses it. */
export async function readAppPost(req: NextRequest, returnTo: string): Promise<AppPost | Response> {
  const form = await readSameOriginForm(req);
  if (form instanceof Response) return form;
  const { credential } = credentialOf(req.headers);
  if (credential.type === "none") return seeOther(loginPath({ returnTo }));
  return { credential, form };
}

/** Runs a route's Kratos calls; Kratos down, slow or failing becomes the 503 page (retrying `retryPath`). */
export async function withKratos(retryPath: string, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof KratosUnavailableError || (err instanceof KratosResponseError && err.status >= 500))
      return seeOther(unavailablePath(retryPath));
    throw err;
  }
}
