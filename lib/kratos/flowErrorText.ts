// Human wording for the errors Kratos stores behind /error?id=. Pure.

interface StoredError {
  id?: string;
  code?: number;
  message?: string;
  reason?: string;
}

const BY_ID: Record<string, { title: string; message: string }> = {
  security_csrf_violation: {
    title: "Your form could not be verified",
    message: "This can happen when a page was open for a long time or in another tab. Please start again.",
  },
  self_service_flow_expired: {
    title: "That page expired",
    message: "Please start again; forms are valid for a limited time.",
  },
  session_already_available: {
    title: "You are already signed in",
    message: "Go to the home page to continue.",
  },
  self_service_flow_return_to_forbidden: {
    title: "That return address is not allowed",
    message: "The link you followed wanted to send you to a site this app does not trust.",
  },
};

const textOf = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

export function describeFlowError(raw: unknown): { title: string; message: string } {
  const e = (raw && typeof raw === "object" ? raw : {}) as StoredError;
  // Own keys only: an id such as "constructor" must not pick up Object.prototype members.
  if (typeof e.id === "string" && Object.hasOwn(BY_ID, e.id)) return BY_ID[e.id]!;
  const code = typeof e.code === "number" ? e.code : 500;
  if (code >= 500)
    return { title: "Something went wrong on our side", message: "Please try again in a moment." };
  return {
    title: "We could not complete that request",
    message: textOf(e.reason) ?? textOf(e.message) ?? "Please start again.",
  };
}
