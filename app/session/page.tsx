import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Header } from "@/components/Header";
import { Screen } from "@/components/ui/Screen";
import { linkStyle } from "@/components/ui/buttonStyles";
import { effectiveAal, channelOfMethod } from "@/lib/policy/factors";
import { emailOf, requireSession } from "@/lib/http/currentSession";
import { loginPath } from "@/lib/http/paths";
import { getConfig } from "@/lib/config";
import { amrOf } from "@/lib/session/facts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("session"))("title") };
}

export default async function SessionPage() {
  const { session, here } = await requireSession();
  const [t, channels, format] = await Promise.all([
    getTranslations("session"),
    getTranslations("channels"),
    getFormatter(),
  ]);
  const methods = session.authentication_methods ?? [];
  const kratosAal = session.authenticator_assurance_level ?? "aal0";
  const policy = getConfig().factorPolicy;
  const effective = effectiveAal(amrOf(session), policy);
  const channelName = (method: string | undefined, provider?: string) => {
    const channel = channelOfMethod(method, policy, provider);
    return channel && channels.has(channel) ? channels(channel) : channels("unknown");
  };
  return (
    <Screen
      header={<Header email={emailOf(session.identity)} />}
      title={t("title")}
      subtitle={t("signedInAs", { who: emailOf(session.identity) ?? session.identity?.id ?? "" })}
    >
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <dt className="font-medium">{t("kratosSays")}</dt>
        <dd data-testid="kratos-aal">{kratosAal}</dd>
        <dt className="font-medium">{t("appTrusts")}</dt>
        <dd data-testid="effective-aal">{effective}</dd>
        <dt className="font-medium">{t("expires")}</dt>
        <dd>
          {session.expires_at
            ? format.dateTime(new Date(session.expires_at), { dateStyle: "medium", timeStyle: "long" })
            : "—"}
        </dd>
      </dl>
      {effective !== kratosAal ? <p className="text-sm">{t("lessTrusted")}</p> : null}
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-semibold">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1">
              {t("method")}
            </th>
            <th scope="col">{t("channel")}</th>
            <th scope="col">{t("aal")}</th>
            <th scope="col">{t("when")}</th>
          </tr>
        </thead>
        <tbody data-testid="amr">
          {methods.map((m, i) => (
            <tr key={i} className="border-t border-line">
              <td className="py-1 font-mono">{m.method}</td>
              <td>{channelName(m.method, m.provider)}</td>
              <td>{m.aal}</td>
              <td>{m.completed_at ? new Date(m.completed_at).toISOString().slice(11, 19) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm">
        <Link
          href={loginPath({ aal: "aal2", refresh: kratosAal === "aal2", returnTo: here })}
          className={linkStyle}
        >
          {t("confirmNow")}
        </Link>
      </p>
    </Screen>
  );
}
