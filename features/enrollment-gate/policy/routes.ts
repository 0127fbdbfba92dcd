// The enrollment gate's row of the app map (lib/policy/appMap.ts explains the columns). Pure.
import { PAGE, type AppRoute } from "@/lib/policy/appMap";

export const ROUTES: readonly AppRoute[] = [
  {
    path: "/secure-account",
    kind: "page",
    methods: PAGE,
    require: { cookie: "aal1", token: "aal1" },
    feature: "enrollment-gate",
    purpose: "the prompt to add a second factor",
  },
];
