import { getFormatter, getTranslations } from "next-intl/server";
import { dangerButton, secondaryButton } from "@/components/ui/buttonStyles";
import type { SessionRow } from "@/lib/session/sessionList";

type Translate = Awaited<ReturnType<typeof getTranslations<"sessions">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

function SessionItem({ row, t, format }: { row: SessionRow; t: Translate; format: Format }) {
  const name = row.device ?? t("unknownDevice");
  const methodName = (m: string) => (t.has(`methods.${m}`) ? t(`methods.${m}`) : m);
  return (
    <li data-testid="session-row" data-current={row.current} className="space-y-1 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          {name}
          {row.current ? (
            <span className="ml-2 rounded-control bg-success-soft px-2 py-0.5 text-xs font-semibold">
              {t("thisDevice")}
            </span>
          ) : null}
        </p>
        {row.current ? null : (
          <form action="/settings/sessions/end" method="post">
            <input type="hidden" name="session_id" value={row.id} />
            <button type="submit" className={dangerButton} aria-label={t("signOutLabel", { device: name })}>
              {t("signOut")}
            </button>
          </form>
        )}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs text-muted">
        <dt>{t("signedIn")}</dt>
        <dd>
          {row.signedInAt
            ? `${format.dateTime(new Date(row.signedInAt), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`
            : "—"}
        </dd>
        <dt>{t("address")}</dt>
        <dd>{row.address ?? "—"}</dd>
        <dt>{t("confirmedWith")}</dt>
        <dd data-testid="session-methods">
          {row.methods.map(methodName).join(", ") || "—"} ({row.kratosAal}
          {row.effectiveAal !== row.kratosAal ? t("appTrusts", { aal: row.effectiveAal }) : ""})
        </dd>
        {row.userAgent ? (
          <>
            <dt>{t("browser")}</dt>
            <dd className="break-all">{row.userAgent}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

/**
 * "Where you're signed in": this device first, each other one with its own sign-out button. Its
 * settings section's page title says the same, so its own heading is for screen readers only.
 */
export async function ActiveSessions({ rows }: { rows: SessionRow[] | null }) {
  const [t, format] = await Promise.all([getTranslations("sessions"), getFormatter()]);
  const others = rows?.filter((r) => !r.current).length ?? 0;
  return (
    <section aria-labelledby="sessions-title" id="sessions">
      <h2 id="sessions-title" className="sr-only">
        {t("title")}
      </h2>
      {rows ? (
        <>
          <ul className="divide-y divide-line text-sm">
            {rows.map((row) => (
              <SessionItem key={row.id} row={row} t={t} format={format} />
            ))}
          </ul>
          {others > 0 ? (
            <form action="/settings/sessions/end-others" method="post">
              <button type="submit" className={secondaryButton}>
                {t("signOutOthers")}
              </button>
            </form>
          ) : (
            <p className="text-sm text-muted">{t("noOthers")}</p>
          )}
        </>
      ) : (
        <p className="text-sm text-muted">{t("unlisted")}</p>
      )}
    </section>
  );
}
