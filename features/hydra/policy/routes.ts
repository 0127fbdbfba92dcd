// The hydra feature's rows of the app map (lib/policy/appMap.ts explains the columns): Hydra's
// login, consent, logout and error URLs, and the two pages' form posts. Public: each answers for
// itself from its challenge and the session it finds. Pure.
import { PAGE, POST, type AppRoute } from "@/lib/policy/appMap";

export const ROUTES: readonly AppRoute[] = [
  {
    path: "/oauth2/login",
    kind: "browser",
    methods: ["GET"],
    // It accepts Hydra's login request, which a HEAD must not do.
    refusesHead: true,
    require: "public",
    feature: "hydra",
    purpose: "Hydra's login request: accept it, or sign in or step up first",
  },
  {
    path: "/oauth2/consent",
    kind: "page",
    methods: PAGE,
    require: "public",
    feature: "hydra",
    purpose: "Hydra's consent: what an application asks for",
    // The client's logo, wherever it registered it (https only; data: is the default's).
    imageSources: ["https:"],
  },
  {
    path: "/oauth2/consent/decision",
    kind: "form",
    methods: POST,
    require: "public",
    feature: "hydra",
    purpose: "allow or deny an application",
  },
  {
    path: "/oauth2/logout",
    kind: "page",
    methods: PAGE,
    require: "public",
    feature: "hydra",
    purpose: "Hydra's logout: confirm signing out of the applications",
  },
  {
    path: "/oauth2/logout/decision",
    kind: "form",
    methods: POST,
    require: "public",
    feature: "hydra",
    purpose: "confirm or cancel the logout",
  },
  {
    path: "/oauth2/error",
    kind: "browser",
    methods: PAGE,
    require: "public",
    feature: "hydra",
    purpose: "Hydra's errors, and a refused challenge",
  },
];
