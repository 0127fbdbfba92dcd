// Account deletion's row of the app map (lib/policy/appMap.ts explains the columns). Pure.
import { HIGHEST, PAGE, POST, type AppRoute } from "@/lib/policy/appMap";

export const ROUTES: readonly AppRoute[] = [
  {
    path: "/settings/delete",
    kind: "page",
    methods: PAGE,
    require: HIGHEST,
    feature: "account-deletion",
    purpose: "account settings: the delete-account section",
  },
  // Not protected here on purpose: the route's own guard (privileged session, typed email) answers.
  {
    path: "/account/delete",
    kind: "form",
    methods: POST,
    require: "public",
    feature: "account-deletion",
    purpose: "delete the account",
  },
];
