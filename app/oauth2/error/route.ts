// Hydra's error URL, and the pages' answer to a bad challenge (hydra feature).
import type { NextRequest } from "next/server";
import { oauth2ErrorPage } from "@/features/hydra/server/answers";

export const GET = (req: NextRequest) => oauth2ErrorPage(req);
