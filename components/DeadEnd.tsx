import { LogoutButton } from "@/components/LogoutButton";
import { Screen } from "@/components/ui/Screen";

/**
 * Shown at step-up when the session's first factor came from the inbox and the account has
 * no other second factor: an email code would be the same inbox twice, so nothing is left.
 */
export function DeadEnd({ supportContact }: { supportContact: string }) {
  return (
    <Screen
      title="We need a different second step"
      subtitle="This page needs a second step to confirm it’s you."
    >
      <div data-testid="dead-end" className="space-y-4 text-sm leading-6">
        <p>
          You signed in with a code sent to your email. A second code from the same inbox would not prove
          anything new: anyone who can read your email could pass both steps. Your account has no
          authenticator app, security key or backup codes to use instead.
        </p>
        <h2 className="text-base font-semibold">What you can do</h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            Sign in with your password instead; after that, an email code counts as your second step.{" "}
            <LogoutButton label="Sign out and sign in with a password" returnTo="/login" />
          </li>
          <li>
            If you no longer know your password, contact {supportContact} to confirm your identity another
            way.
          </li>
        </ul>
        <p>
          Once you are in, set up an authenticator app or backup codes so that this cannot lock you out again.
        </p>
      </div>
    </Screen>
  );
}
