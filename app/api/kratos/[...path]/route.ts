import type { NextRequest } from "next/server";
import { proxyToKratos } from "@/lib/kratos/bff";

type Ctx = { params: Promise<{ path: string[] }> };

async function handle(req: NextRequest, ctx: Ctx) {
  return proxyToKratos(req, (await ctx.params).path);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
