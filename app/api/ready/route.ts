import { getConfig } from "@/lib/config";
import { withStaticSecurityHeaders } from "@/lib/http/securityHeaders";

// Readiness: the app answers and reaches Kratos (its /health/ready), for the start scripts and
// for a load balancer deciding whether to send traffic here. 503 while Kratos is away.
export async function GET() {
  const cfg = getConfig();
  const kratos = await fetch(new URL("health/ready", cfg.kratosPublicUrl.href.replace(/\/?$/, "/")), {
    signal: AbortSignal.timeout(cfg.kratosTimeoutMs),
    cache: "no-store",
  })
    .then(async (r) => {
      await r.body?.cancel();
      return r.ok;
    })
    .catch(() => false);
  return withStaticSecurityHeaders(
    Response.json(
      { app: "ok", kratos: kratos ? "ok" : "unavailable" },
      { status: kratos ? 200 : 503, headers: { "cache-control": "no-store" } },
    ),
    cfg.secureCookies,
  );
}
