// Is a webhook call Kratos's? Kratos sends the shared secret as `Authorization: Bearer <secret>`
// (its web_hook `auth: api_key` config, features/notifications/stack.mjs), a header Kratos's
// logger redacts (ory/x logrusx HTTPHeadersRedacted), unlike a custom one.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/**
 * True when the Authorization header carries exactly `Bearer <secret>`. Compared in constant time
 * over fixed-length digests, so neither the content nor the length of a guess leaks by timing.
 */
export function isAuthorizedHook(authorization: string | null, secret: string): boolean {
  if (!secret || authorization === null) return false;
  return timingSafeEqual(digest(authorization), digest(`Bearer ${secret}`));
}
