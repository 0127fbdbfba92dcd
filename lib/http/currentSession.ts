import "server-only";
import type { Identity, Session } from "@ory/client-fetch";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { whoami } from "@/lib/kratos/client";
import { KratosResponseError, KratosUnavailableError } from "@/lib/kratos/errors";
import { unavailablePath } from "@/lib/http/loadFlow";
import { pageCredential } from "@/lib/http/credential";
import { loginPath, PROTECTED_ROUTE_HEADER, REQUEST_PATH_HEADER } from "@/lib/http/paths";

/** The request's Kratos session (null when signed out). Throws KratosUnavailableError when Kratos is down. */
export async function currentSession(): Promise<Session | null> {
  return whoami((await pageCredential()).credential);
}

export function emailOf(identity: Identity | undefined): string | undefined {
  const traits = identity?.traits as { email?: unknown } | undefined;
  return typeof traits?.email === "string" ? traits.email : undefined;
}

/** Like currentSession, but a Kratos outage sends the browser to the 503 page (retrying `retryPath`). */
export async function currentSessionOr503(retryPath: string): Promise<Session | null> {
  try {
    return await currentSession();
  } catch (err) {
    if (err instanceof KratosUnavailableError || (err instanceof KratosResponseError && err.status >= 500)) {
      redirect(unavailablePath(retryPath));
    }
    throw err;
  }
}

export interface RequiredSession {
  session: Session;
  /** The page's own path and query (what proxy.ts saw), for links back to it. */
  here: string;
}

/**
 * The session of a page whose row in the app map (lib/policy/appMap.ts) is protected: proxy.ts
 * has already applied the row's rule and marked the request, so this only reads the session it
 * let through. A page the map leaves public is a mistake in the map, and fails loudly; a session
 * gone since the proxy looked sends the browser to sign in, and a Kratos outage to the 503 page
 * that retries here.
 */
export async function requireSession(): Promise<RequiredSession> {
  const h = await headers();
  const here = h.get(REQUEST_PATH_HEADER) ?? "";
  if (h.get(PROTECTED_ROUTE_HEADER) !== "1") {
    throw new Error(
      `requireSession() on ${JSON.stringify(here.split("?")[0])}: proxy.ts applied no rule to it (its row in lib/policy/appMap.ts is public)`,
    );
  }
  const session = await currentSessionOr503(here);
  if (!session) redirect(loginPath({ returnTo: here }));
  return { session, here };
}
