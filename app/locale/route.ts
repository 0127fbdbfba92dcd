// The language switcher's target (components/LanguageSwitcher.tsx): remembers the choice in a
// cookie and sends the browser back to the page it came from (a validated return_to).
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { jsonError } from "@/lib/http/jsonError";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { isLocale, LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

const ONE_YEAR = 60 * 60 * 24 * 365;

export async function POST(req: NextRequest) {
  const cfg = getConfig();
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
