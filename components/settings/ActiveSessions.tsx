import { dangerButton, secondaryButton } from "@/components/ui/buttonStyles";
import type { SessionRow } from "@/lib/session/sessionList";

const METHOD_NAMES: Record<string, string> = {
  password: "password",
  code: "email code",
  totp: "authenticator app",
  webauthn: "security key",
  passkey: "passkey",
  lookup_secret: "backup code",
  oidc: "identity provider",
  code_recovery: "recovery code",
  link_recovery: "recovery link",
};

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function SessionItem({ row }: { row: SessionRow }) {
  const name = row.device ?? "Unknown device";
  return (
    <li data-testid="session-row" data-current={row.current} className="space-y-1 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          {name}
          {row.current ? (
            <span className="ml-2 rounded-control bg-success-soft px-2 py-0.5 text-xs font-semibold">
              This device
            </span>
          ) : null}
        </p>
        {row.current ? null : (
          <form action="/settings/sessions/end" method="post">
            <input type="hidden" name="session_id" value={row.id} />
            <button type="submit" className={dangerButton} aria-label={`Sign out ${name}`}>
              Sign out
            </button>
          </form>
        )}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs text-muted">
        <dt>Signed in</dt>
        <dd>{row.signedInAt ? `${WHEN.format(new Date(row.signedInAt))} UTC` : "—"}</dd>
        <dt>Address</dt>
        <dd>{row.address ?? "—"}</dd>
        <dt>Confirmed with</dt>
        <dd data-testid="session-methods">
          {row.methods.map((m) => METHOD_NAMES[m] ?? m).join(", ") || "—"} ({row.kratosAal}
          {row.effectiveAal !== row.kratosAal ? `; this app trusts ${row.effectiveAal}` : ""})
        </dd>
        {row.userAgent ? (
          <>
            <dt>Browser</dt>
            <dd className="break-all">{row.userAgent}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

/** "Where you're signed in": this device first, each other one with its own sign-out button. */
export function ActiveSessions({ rows }: { rows: SessionRow[] | null }) {
  const others = rows?.filter((r) => !r.current).length ?? 0;
  return (
    <section aria-labelledby="sessions-title" id="sessions" className="border-t border-line pt-6">
      <h2 id="sessions-title" className="text-lg font-semibold">
        Where you’re signed in
      </h2>
      {rows ? (
        <>
          <ul className="divide-y divide-line text-sm">
            {rows.map((row) => (
              <SessionItem key={row.id} row={row} />
            ))}
          </ul>
          {others > 0 ? (
            <form action="/settings/sessions/end-others" method="post">
              <button type="submit" className={secondaryButton}>
                Sign out everywhere else
              </button>
            </form>
          ) : (
            <p className="text-sm text-muted">You are not signed in anywhere else.</p>
          )}
        </>
      ) : (
        <p className="text-sm text-muted">Your sessions could not be listed just now. Reload to try again.</p>
      )}
    </section>
  );
}
