import type { Metadata } from "next";
import Link from "next/link";
import { Header } from "@/components/Header";
import { Screen } from "@/components/ui/Screen";
import { currentSession, emailOf } from "@/lib/http/currentSession";
import { linkStyle, primaryButton } from "@/components/ui/buttonStyles";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { param, type SearchParams } from "@/lib/http/loadFlow";

export const metadata: Metadata = { title: "Secure your account" };

export default async function SecureAccountPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const returnTo = validatedReturnTo(param(await searchParams, "return_to")) ?? "/";
  // The header is a courtesy here: if Kratos is slow, the page still renders without it.
  return (
    <Screen
      header={<Header email={emailOf((await currentSession().catch(() => null))?.identity)} />}
      title="Secure your account"
      subtitle="One more step makes your account much harder to take over."
    >
      <div data-testid="enrollment-gate" className="space-y-3 text-sm leading-6">
        <p>
          Right now your email inbox is your only second factor. If someone gets into your email, they could
          reset your password and get into your account too.
        </p>
        <p>
          Set up an <strong>authenticator app</strong>, a <strong>security key</strong> or{" "}
          <strong>backup codes</strong>. They also keep account recovery working: after a recovery code from
          your inbox, you confirm with one of them.
        </p>
      </div>
      <Link href="/settings" className={primaryButton}>
        Set up a second factor
      </Link>
      <p className="text-sm">
        <Link href={returnTo} className={linkStyle}>
          Skip for now
        </Link>
      </p>
    </Screen>
  );
}
