// The errors of talking to Kratos: it did not answer, or it answered with an error.
// Notices (the short messages a page shows after a redirect) live here too.
export class KratosUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("Kratos did not answer in time", { cause });
    this.name = "KratosUnavailableError";
  }
}

export class KratosResponseError extends Error {
  constructor(
    public readonly status: number,
    public readonly body: unknown,
  ) {
    super(`Kratos answered ${status}${errorId(body) ? ` (${errorId(body)})` : ""}`);
    this.name = "KratosResponseError";
  }
}

export interface KratosErrorBody {
  error?: { id?: string; code?: number; message?: string; reason?: string };
  redirect_browser_to?: string;
  use_flow_id?: string;
}

/** The fields of a Kratos error answer the app reads; {} for anything that is not an object. */
export function asErrorBody(body: unknown): KratosErrorBody {
  return body && typeof body === "object" ? (body as KratosErrorBody) : {};
}

export function errorId(body: unknown): string | undefined {
  return asErrorBody(body).error?.id;
}

/** Short notices a page can show after a redirect, named in the `notice` query parameter. */
export const NOTICES = {
  flow_expired: "That form had expired or was no longer valid, so here is a fresh one.",
  csrf: "Your form could not be verified (it may have been open in another tab). Please try again.",
  return_to_forbidden: "The page you were sent back to is not allowed, so you are on the home page instead.",
  signed_out: "You have been signed out.",
  too_many_attempts: "Too many attempts. Please wait a few minutes, then try again.",
  inbox_second_factor:
    "A second code from the same inbox cannot confirm your identity. Use one of the other methods below.",
} as const;
export type NoticeId = keyof typeof NOTICES;

export function isNoticeId(v: unknown): v is NoticeId {
  return typeof v === "string" && Object.hasOwn(NOTICES, v);
}
