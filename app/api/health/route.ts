import { getConfig } from "@/lib/config";
import { withStaticSecurityHeaders } from "@/lib/http/securityHeaders";

// Liveness: the app answers. It asks nothing of Kratos, so a load balancer polling it costs
// one small response; /api/ready is the check that Kratos answers too.
export function GET() {
  return withStaticSecurityHeaders(
    Response.json({ app: "ok" }, { headers: { "cache-control": "no-store" } }),
    getConfig().secureCookies,
  );
}
