import { getConfig } from "@/lib/config";

// Liveness of the app and reachability of Kratos, for the start scripts and load balancers.
export async function GET() {
  const cfg = getConfig();
  const kratos = await fetch(new URL("health/ready", cfg.kratosPublicUrl.href.replace(/\/?$/, "/")), {
    signal: AbortSignal.timeout(cfg.kratosTimeoutMs),
    cache: "no-store",
  })
    .then((r) => r.ok)
    .catch(() => false);
  return Response.json({ app: "ok", kratos: kratos ? "ok" : "unavailable" }, { status: kratos ? 200 : 503 });
}
