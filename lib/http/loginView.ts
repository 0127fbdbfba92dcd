// What a login flow's page shows, decided once for every UI kit: the nodes fit for either
// login style (lib/kratos/nodes.ts loginNodes), and on a step-up, the factor policy removes
// the methods whose channel would repeat the session's first factor.
import "server-only";
import type { LoginFlow, UiContainer } from "@ory/client-fetch";
import { getConfig } from "@/lib/config";
import { currentSessionOr503 } from "@/lib/http/currentSession";
import { filterStepUpNodes, identifierFirstValue, loginNodes } from "@/lib/kratos/nodes";
import { mailboxProviderSignIn } from "@/lib/policy/factors";
import { amrOf } from "@/lib/session/facts";

export interface LoginView {
  ui: UiContainer;
  stepUp: boolean;
  /** Method groups the policy removed (e.g. `code` after an inbox first factor). */
  removedGroups: string[];
  /** Method groups still offered on a step-up. */
  remainingGroups: string[];
  /** The mailbox provider the session signed in with, when that was its first factor. */
  provider?: string;
  /** A step-up with nothing left to offer: the page explains instead of showing a form. */
  deadEnd: boolean;
  /**
   * On an identifier-first login's second screen, the identifier typed on the first. Shown
   * whether or not an account has it: the screen is the same for both (docs/security.md).
   */
  identifier?: string;
}

/** `retryPath` is where the 503 page sends the browser back to when Kratos is down. */
export async function loginView(flow: LoginFlow, retryPath: string): Promise<LoginView> {
  const stepUp = flow.requested_aal === "aal2";
  const ui = { ...flow.ui, nodes: loginNodes(flow.ui.nodes) };
  const view: LoginView = {
    ui,
    stepUp,
    removedGroups: [],
    remainingGroups: [],
    deadEnd: false,
    identifier: identifierFirstValue(flow.ui.nodes),
  };
  if (!stepUp) return view;
  const session = await currentSessionOr503(retryPath);
  if (!session) return view;
  const policy = getConfig().factorPolicy;
  const filtered = filterStepUpNodes(ui.nodes, amrOf(session), policy);
  return {
    ui: { ...ui, nodes: filtered.nodes },
    stepUp,
    removedGroups: filtered.removedGroups,
    remainingGroups: filtered.remainingGroups,
    provider: mailboxProviderSignIn(amrOf(session), policy),
    deadEnd: filtered.remainingGroups.length === 0,
  };
}
