import type { NextRequest } from "next/server";
import { bffHandler } from "@/lib/bff/wired";

type Ctx = { params: Promise<{ path: string[] }> };

async function handle(req: NextRequest, ctx: Ctx) {
  return bffHandler()(req, (await ctx.params).path);
}

// The methods the BFF's route table serves on some path (its row in lib/policy/appMap.ts); the
// request guard answers any other method with 405 before Next routes it, and the table answers
// 405 for a served method on a path that does not take it.
export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const DELETE = handle;
