/** Short notices a page can show after a redirect, named in the `notice` query parameter. */
export const NOTICES = {
  flow_expired: "That form had expired or was no longer valid, so here is a fresh one.",
  csrf: "Your form could not be verified (it may have been open in another tab). Please try again.",
  return_to_forbidden: "The page you were sent back to is not allowed, so you are on the home page instead.",
  signed_out: "You have been signed out.",
  too_many_attempts: "Too many attempts. Please wait a few minutes, then try again.",
  session_ended: "That device has been signed out.",
  other_sessions_ended: "Every other device has been signed out. This one stays signed in.",
  delete_email_mismatch:
    "The email address you typed is not this account's. Nothing was deleted; type it exactly as shown.",
  reauth_to_delete:
    "To delete your account, confirm it’s you first. Then type your email address on the settings page again.",
  account_deleted: "Your account has been deleted, and you have been signed out everywhere.",
  inbox_second_factor:
    "A second code from the same inbox cannot confirm your identity. Use one of the other methods below.",
} as const;
export type NoticeId = keyof typeof NOTICES;

export function isNoticeId(v: unknown): v is NoticeId {
  return typeof v === "string" && Object.hasOwn(NOTICES, v);
}
