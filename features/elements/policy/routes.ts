// The Ory Elements pages' rows of the app map (lib/policy/appMap.ts explains the columns). Pure.
import { HIGHEST, PAGE, type AppRoute } from "@/lib/policy/appMap";

export const ROUTES: readonly AppRoute[] = [
  ...(["login", "registration", "recovery", "verification"] as const).map((flow): AppRoute => ({
    path: `/elements/${flow}`,
    kind: "page",
    methods: PAGE,
    require: "public",
    feature: "elements",
    purpose: `${flow} on Ory Elements`,
  })),
  {
    path: "/elements/settings",
    kind: "page",
    methods: PAGE,
    require: HIGHEST,
    feature: "elements",
    purpose: "settings on Ory Elements",
  },
  {
    path: "/elements/start/[kind]",
    kind: "browser",
    methods: PAGE,
    require: "public",
    feature: "elements",
    purpose: "starts an Ory Elements flow",
  },
];
