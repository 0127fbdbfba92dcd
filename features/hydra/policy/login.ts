// What the app answers to Hydra's login request: accept it with the app's own AAL, send the
// browser to sign in (fresh, or a step-up) first, or reject it. Pure: the route handler
// (features/hydra/server/login.ts) gathers the inputs and carries out the answer.
import { effectiveAal, type Aal, type AmrEntry, type FactorPolicy } from "@/lib/policy/factors";

/** The parts of Hydra's login request this decision reads. */
export interface LoginRequestFacts {
  /** Hydra already knows the subject (its remembered login session): it must stay the same one. */
  skip: boolean;
  subject: string;
  /** The authorization request as the RP sent it: `prompt` and `max_age` are read from it. */
  requestUrl: string;
  acrValues: readonly string[];
}

export interface KratosSessionFacts {
  identityId: string;
  /** What Kratos says (`authenticator_assurance_level`). */
  kratosAal: string;
  amr: readonly AmrEntry[];
  authenticatedAt: Date;
}

export type LoginAnswer =
  | { type: "accept"; subject: string; acr: Aal; amr: string[] }
  /** Send the browser to /login; `fresh`: the sign-in must happen after now (prompt=login, max_age). */
  | { type: "sign_in"; aal?: "aal2"; refresh: boolean; fresh: boolean }
  | { type: "reject"; error: "login_required"; description: string };

export interface AuthorizationPrompt {
  prompt: string[];
  /** Seconds, when the RP sent a valid `max_age`. */
  maxAge?: number;
}

/** The `prompt` values and `max_age` of an authorization request URL (missing or malformed: none). */
export function promptOf(requestUrl: string): AuthorizationPrompt {
  let params: URLSearchParams;
  try {
    params = new URL(requestUrl).searchParams;
  } catch {
    return { prompt: [] };
  }
  const prompt = (params.get("prompt") ?? "").split(" ").filter(Boolean);
  const raw = params.get("max_age");
  const maxAge = raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  return { prompt, ...(maxAge !== undefined ? { maxAge } : {}) };
}

// Kratos's clock and the app's: a sign-in a moment "before" the mark still counts as after it.
export const FRESHNESS_SKEW_MS = 5_000;

/**
 * The answer to a login request. `signInAfter`: when this app last sent the browser to sign in
 * afresh for this very challenge (a verified mark), if it did.
 */
export function decideLogin(
  request: LoginRequestFacts,
  session: KratosSessionFacts | null,
  policy: FactorPolicy,
  now: Date,
  signInAfter?: Date,
): LoginAnswer {
  const { prompt, maxAge } = promptOf(request.requestUrl);
  const silent = prompt.includes("none");
  const reject = (description: string): LoginAnswer => ({
    type: "reject",
    error: "login_required",
    description,
  });

  if (!session) {
    return silent
      ? reject("No one is signed in.")
      : { type: "sign_in", refresh: false, fresh: prompt.includes("login") || maxAge !== undefined };
  }
  if (request.skip && request.subject !== session.identityId)
    return reject("Someone else is signed in now; sign in again at the application.");

  const freshNeeded = prompt.includes("login") || maxAge !== undefined;
  const signedInAfterMark =
    signInAfter !== undefined &&
    session.authenticatedAt.getTime() >= signInAfter.getTime() - FRESHNESS_SKEW_MS;
  const withinMaxAge =
    maxAge !== undefined &&
    !prompt.includes("login") &&
    now.getTime() - session.authenticatedAt.getTime() <= maxAge * 1000;
  if (freshNeeded && !signedInAfterMark && !withinMaxAge) {
    return silent
      ? reject("The application asked for a recent sign-in.")
      : { type: "sign_in", refresh: true, fresh: true };
  }

  const acr = effectiveAal(session.amr, policy);
  if (acr === "aal0") return silent ? reject("No first factor in the session.") : signInAgain();
  if (request.acrValues.includes("aal2") && acr !== "aal2") {
    return silent
      ? reject("The application asked for a second factor.")
      : { type: "sign_in", aal: "aal2", refresh: session.kratosAal === "aal2", fresh: false };
  }
  return { type: "accept", subject: session.identityId, acr, amr: methodsOf(session.amr) };
}

function signInAgain(): LoginAnswer {
  return { type: "sign_in", refresh: true, fresh: false };
}

/** The session's methods in the order used, once each (the ID token's `amr`). */
export function methodsOf(amr: readonly AmrEntry[]): string[] {
  return [...new Set(amr.map((e) => e.method).filter((m): m is string => typeof m === "string"))];
}
