// The app's own POST routes (sign-out, ending sessions, deleting the account, the language) take only
// same-origin form posts. Kratos's session cookie is SameSite=Lax, so a cross-site POST does not
// carry it anyway; this check is the second lock and says so clearly.

/** True when a browser tells us the request came from another site (Origin or Sec-Fetch-Site). */
export function isCrossSiteRequest(headers: Headers, appOrigin: string): boolean {
  const origin = headers.get("origin");
  if (origin !== null && origin !== appOrigin) return true;
  const site = headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}
