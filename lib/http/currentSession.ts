import "server-only";
import type { Identity, Session } from "@ory/client-fetch";
import { redirect } from "next/navigation";
import { whoami } from "@/lib/kratos/client";
import { KratosResponseError, KratosUnavailableError } from "@/lib/kratos/errors";
import { unavailablePath } from "@/lib/http/loadFlow";
import { pageCredential } from "@/lib/http/credential";

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
