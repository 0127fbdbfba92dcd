// The logout confirmation's form post (hydra feature: features/hydra/server/logout.ts).
import type { NextRequest } from "next/server";
import { handleLogoutDecision } from "@/features/hydra/server/logout";

export const POST = (req: NextRequest) => handleLogoutDecision(req);
