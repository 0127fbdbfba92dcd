// OIDC's row of the app map (lib/policy/appMap.ts explains the columns). Pure.
import { HIGHEST, PAGE, type AppRoute } from "@/lib/policy/appMap";

export const ROUTES: readonly AppRoute[] = [
  {
    path: "/settings/linked-accounts",
    kind: "page",
    methods: PAGE,
    require: HIGHEST,
    feature: "oidc",
    purpose: "account settings: the linked-accounts section",
  },
];
