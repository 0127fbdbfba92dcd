// The notifications feature's row of the app map (lib/policy/appMap.ts explains the columns). Pure.
import { POST, type AppRoute } from "@/lib/policy/appMap";

/** Where Kratos's after-hooks report (features/notifications/stack.mjs builds the URLs from it). */
export const HOOK_PATH = "/api/hooks/security-event";

export const ROUTES: readonly AppRoute[] = [
  // Public to proxy.ts on purpose: Kratos calls it server to server, with no session; the route
  // answers 401 to any call without the webhook secret. POST only (the request guard's 405).
  {
    path: HOOK_PATH,
    kind: "api",
    methods: POST,
    require: "public",
    feature: "notifications",
    purpose: "Kratos's after-hooks report security events (webhook secret)",
  },
];
