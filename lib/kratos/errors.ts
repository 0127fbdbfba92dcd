// The errors of talking to Kratos: it did not answer, or it answered with an error.
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
