import type { NextRequest } from "next/server";
import { unavailableResponse } from "@/lib/http/unavailable";
import { localeOfHeaders } from "@/lib/i18n/locales";

// The 503 page that flow pages redirect to when Kratos is down; retries the original page.
export function GET(req: NextRequest) {
  const retry = req.nextUrl.searchParams.get("retry") ?? "/";
  // Only a same-origin path may be retried (no `//host`, no backslashes).
  const safe = /^\/(?![/\\])[^\s\\]*$/.test(retry) ? retry : "/";
  return unavailableResponse(safe, false, localeOfHeaders(req.headers));
}
