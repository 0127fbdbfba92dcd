// Hydra's login URL (hydra feature: features/hydra/server/login.ts).
import type { NextRequest } from "next/server";
import { handleLogin } from "@/features/hydra/server/login";

export const GET = (req: NextRequest) => handleLogin(req);
