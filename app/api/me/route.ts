// Example protected JSON endpoint. proxy.ts has already applied the route's requirement
// (aal1 for session tokens, highest_available for cookies); this returns who is calling.
import type { NextRequest } from "next/server";
import { effectiveAal } from "@/lib/policy/factors";
import { jsonError } from "@/lib/http/jsonError";
import { whoami } from "@/lib/kratos/client";
import { getConfig } from "@/lib/config";
import { amrOf } from "@/lib/session/facts";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { transportOf } from "@/lib/policy/credential";
import { credentialOf } from "@/lib/http/credential";
import { unavailableResponse } from "@/lib/http/unavailable";

export async function GET(req: NextRequest) {
  const { credential } = credentialOf(req.headers);
  const transport = transportOf(credential);
  try {
    const session = await whoami(credential);
    if (!session?.identity) {
      return jsonError(401, "session_required", "Sign in first.");
    }
    const methods = session.authentication_methods ?? [];
    return Response.json(
      {
        identity: { id: session.identity.id, traits: session.identity.traits },
        transport,
        authenticator_assurance_level: session.authenticator_assurance_level,
        effective_aal: effectiveAal(amrOf(session), getConfig().factorPolicy),
        authentication_methods: methods.map((m) => ({
          method: m.method,
          aal: m.aal,
          ...(m.provider ? { provider: m.provider } : {}),
          completed_at: m.completed_at,
        })),
      },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (err) {
    if (err instanceof KratosUnavailableError) return unavailableResponse("/api/me", true);
    throw err;
  }
}
