// The language switcher's target (components/LanguageSwitcher.tsx): remembers the choice in a
// cookie and sends the browser back to the page it came from (a validated return_to). Same-origin
// posts only, like the app's other form posts: another site cannot switch the reader's language.
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { jsonError } from "@/lib/http/jsonError";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { isCrossSiteRequest } from "@/lib/http/sameOrigin";
import { isLocale, LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

const ONE_YEAR = 60 * 60 * 24 * 365;

export async function POST(req: NextRequest) {
  const cfg = getConfig();
  if (isCrossSiteRequest(req.headers, cfg.appUrl.origin))
    return jsonError(403, "forbidden_origin", "Cross-site request refused.");
  const form = await req.formData().catch(() => null);
  const locale = form?.get("locale");
  if (!isLocale(locale)) {
    return jsonError(400, "unknown_locale", `Choose one of: ${LOCALES.join(", ")}.`);
  }
  // The form names the page; a browser without it still sends the page as Referer.
  const back =
    validatedReturnTo(form?.get("return_to")) ?? validatedReturnTo(req.headers.get("referer")) ?? "/";
  const res = NextResponse.redirect(new URL(back, cfg.appUrl), 303);
  res.cookies.set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: ONE_YEAR,
    httpOnly: true,
    sameSite: "lax",
    secure: cfg.secureCookies,
  });
  return res;
}
