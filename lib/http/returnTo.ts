// return_to checked against this deployment's allow-list (the app's origin + configured extras).
import { getConfig } from "@/lib/config";
import { allowedOrigins, safeReturnTo } from "@/lib/policy/returnTo";

export function validatedReturnTo(raw: unknown): string | undefined {
  const cfg = getConfig();
  return safeReturnTo(raw, allowedOrigins(cfg.appUrl, cfg.returnToOrigins));
}

export function isSafeRedirect(url: string): boolean {
  return validatedReturnTo(url) !== undefined;
}
