// What the error page says about an error Kratos stored behind /error?id=: the catalog key of
// its wording (`flowError.<key>Title` / `…Message`, or `flowError.<id>.title` for a known
// Kratos error id), plus Kratos's own reason for a 4xx. Pure.

interface StoredError {
  id?: string;
  code?: number;
  message?: string;
  reason?: string;
}

/** Kratos error ids the catalogs word themselves (`flowError.<id>`). */
export const KNOWN_FLOW_ERRORS = [
  "security_csrf_violation",
  "self_service_flow_expired",
  "session_already_available",
  "self_service_flow_return_to_forbidden",
] as const;

export type FlowErrorText =
  | { known: (typeof KNOWN_FLOW_ERRORS)[number] }
  | { known?: undefined; kind: "server" }
  | { known?: undefined; kind: "request"; reason?: string };

const textOf = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

export function describeFlowError(raw: unknown): FlowErrorText {
  const e = (raw && typeof raw === "object" ? raw : {}) as StoredError;
  const known = KNOWN_FLOW_ERRORS.find((id) => id === e.id);
  if (known) return { known };
  const code = typeof e.code === "number" ? e.code : 500;
  // A 5xx reason is Kratos's internals (database addresses…): never shown.
  if (code >= 500) return { kind: "server" };
  return { kind: "request", reason: textOf(e.reason) ?? textOf(e.message) };
}
