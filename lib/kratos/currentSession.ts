import "server-only";
import type { Identity, Session } from "@ory/client-fetch";
import { whoami } from "@/lib/kratos/client";
import { cookieHeader } from "@/lib/kratos/loadFlow";

/** The browser's Kratos session (null when signed out). Throws KratosUnavailableError when Kratos is down. */
export async function currentSession(): Promise<Session | null> {
  const cookie = await cookieHeader();
  if (!cookie) return null;
  return whoami({ cookie });
}

export function emailOf(identity: Identity | undefined): string | undefined {
  const traits = identity?.traits as { email?: unknown } | undefined;
  return typeof traits?.email === "string" ? traits.email : undefined;
}
