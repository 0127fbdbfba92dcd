import type { Metadata } from "next";
import Link from "next/link";
import { Header } from "@/components/Header";
import { Screen } from "@/components/ui/Screen";
import { linkStyle } from "@/components/ui/buttonStyles";
import { effectiveAal, channelOfMethod } from "@/lib/policy/factors";
import { currentSessionOr503, emailOf } from "@/lib/http/currentSession";
import { loginPath } from "@/lib/http/paths";
import { redirect } from "next/navigation";

export const metadata: Metadata = { title: "Your session" };

const CHANNEL_NAMES: Record<string, string> = {
  knowledge: "something you know",
  inbox: "your email inbox",
  phone: "your phone",
  authenticator_app: "authenticator app",
  device_key: "security key or passkey",
  backup_codes: "backup codes",
  federated: "identity provider",
};

export default async function SessionPage() {
  const session = await currentSessionOr503("/session");
  if (!session) redirect(loginPath({ returnTo: "/session" }));
  const methods = session.authentication_methods ?? [];
  const kratosAal = session.authenticator_assurance_level ?? "aal0";
  const effective = effectiveAal(methods);
  return (
    <Screen
      header={<Header email={emailOf(session.identity)} />}
      title="Your session"
      subtitle={`Signed in as ${emailOf(session.identity) ?? session.identity?.id}`}
    >
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <dt className="font-medium">Kratos says</dt>
        <dd data-testid="kratos-aal">{kratosAal}</dd>
        <dt className="font-medium">This app trusts</dt>
        <dd data-testid="effective-aal">{effective}</dd>
        <dt className="font-medium">Expires</dt>
        <dd>{session.expires_at ? new Date(session.expires_at).toUTCString() : "—"}</dd>
      </dl>
      {effective !== kratosAal ? (
        <p className="text-sm">
          The app counts factors by channel: two codes from the same inbox are one factor, so it trusts this
          session less than Kratos does.
        </p>
      ) : null}
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-semibold">How you signed in</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1">
              Method
            </th>
            <th scope="col">Channel</th>
            <th scope="col">AAL</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody data-testid="amr">
          {methods.map((m, i) => (
            <tr key={i} className="border-t border-line">
              <td className="py-1 font-mono">{m.method}</td>
              <td>{CHANNEL_NAMES[channelOfMethod(m.method) ?? ""] ?? "unknown"}</td>
              <td>{m.aal}</td>
              <td>{m.completed_at ? new Date(m.completed_at).toISOString().slice(11, 19) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm">
        <Link
          href={loginPath({ aal: "aal2", refresh: kratosAal === "aal2", returnTo: "/session" })}
          className={linkStyle}
        >
          Confirm with a second factor now
        </Link>
      </p>
    </Screen>
  );
}
