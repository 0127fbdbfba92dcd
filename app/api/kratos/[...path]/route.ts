import type { NextRequest } from "next/server";
import { handleBffRequest } from "@/lib/bff/handler";

type Ctx = { params: Promise<{ path: string[] }> };

async function handle(req: NextRequest, ctx: Ctx) {
  return handleBffRequest(req, (await ctx.params).path);
}

// Every method Next routes comes to the BFF, whose route table answers 405 for the ones a
// path does not serve (instead of Next's own empty 405 or automatic OPTIONS).
export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;
