import type { Metadata } from "next";
import Link from "next/link";
import { DeadEnd } from "@/components/DeadEnd";
import { ErrorView } from "@/components/ErrorView";
import { FlowScreen } from "@/components/flow/FlowScreen";
import { LogoutButton } from "@/components/LogoutButton";
import { linkStyle } from "@/components/ui/buttonStyles";
import { Notice } from "@/components/ui/Notice";
import { continuePath } from "@/lib/http/paths";
import { currentSessionOr503 } from "@/lib/http/currentSession";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { loadFlow, param, type SearchParams } from "@/lib/http/loadFlow";
import { choiceOf, filterStepUpNodes, joinAlternatives } from "@/lib/kratos/nodes";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const aal = param(sp, "aal") === "aal2" ? "aal2" : undefined;
  const refresh = param(sp, "refresh") === "true" ? "true" : undefined;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  // A first sign-in passes through /continue (the enrollment gate); a step-up goes straight back.
  const kratosReturnTo = aal || refresh ? returnTo : new URL(continuePath(returnTo), getConfig().appUrl).href;
  const loaded = await loadFlow("login", sp, { aal, refresh, return_to: kratosReturnTo }, returnTo);
  if (loaded.error)
    return <ErrorView title={loaded.error.title} message={loaded.error.message} retryHref="/login" />;
  const { flow } = loaded;

  const stepUp = flow.requested_aal === "aal2";
  let ui = flow.ui;
  let removedGroups: string[] = [];
  let remaining: string[] = [];
  if (stepUp) {
    const session = await currentSessionOr503(`/login?flow=${encodeURIComponent(flow.id)}`);
    if (session) {
      const filtered = filterStepUpNodes(ui.nodes, session.authentication_methods ?? []);
      ui = { ...ui, nodes: filtered.nodes };
      removedGroups = filtered.removedGroups;
      remaining = filtered.remainingGroups;
      if (remaining.length === 0) return <DeadEnd supportContact={getConfig().supportContact} />;
    }
  }

  const title = stepUp ? "Confirm it’s you" : flow.refresh ? "Confirm your password" : "Sign in";
  const subtitle = stepUp
    ? "This needs a second step to confirm it’s you. Choose one of the ways below."
    : flow.refresh
      ? "For your security, sign in again before changing sensitive settings."
      : "Welcome back.";
  return (
    <FlowScreen
      title={title}
      subtitle={subtitle}
      ui={ui}
      idPrefix="login"
      notice={param(sp, "notice")}
      alerts={
        removedGroups.includes("code") ? (
          <Notice kind="info">
            <span data-testid="inbox-code-hidden">
              You signed in with a code from your email, so another email code cannot be your second step. Use{" "}
              {joinAlternatives(remaining.map(choiceOf))}.
            </span>
          </Notice>
        ) : null
      }
      forms={{ titled: stepUp }}
      footer={
        stepUp || flow.refresh ? (
          <LogoutButton label="Sign out and use another account" />
        ) : (
          <>
            <Link
              href={`/registration${returnTo ? `?return_to=${encodeURIComponent(returnTo)}` : ""}`}
              className={linkStyle}
            >
              Create an account
            </Link>
            <Link href="/recovery" className={linkStyle}>
              Forgot your password?
            </Link>
          </>
        )
      }
    />
  );
}
