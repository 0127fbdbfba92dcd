// The consent page's form post (hydra feature: features/hydra/server/consent.ts).
import type { NextRequest } from "next/server";
import { handleConsentDecision } from "@/features/hydra/server/consent";

export const POST = (req: NextRequest) => handleConsentDecision(req);
