import Link from "next/link";
import { Header } from "@/components/Header";
import { NoticeFromQuery } from "@/components/NoticeFromQuery";
import { Screen } from "@/components/ui/Screen";
import { linkStyle, primaryButton } from "@/components/ui/buttonStyles";
import { Notice } from "@/components/ui/Notice";
import { currentSession, emailOf } from "@/lib/http/currentSession";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { param, type SearchParams } from "@/lib/http/loadFlow";

export default async function Home({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  let email: string | undefined;
  let signedIn = false;
  let unavailable = false;
  try {
    const session = await currentSession();
    signedIn = !!session;
    email = emailOf(session?.identity);
  } catch (err) {
    if (!(err instanceof KratosUnavailableError)) throw err;
    unavailable = true;
  }
  return (
    <Screen header={<Header email={email} />} title={signedIn ? "You are signed in" : "Welcome"}>
      <NoticeFromQuery notice={param(sp, "notice")} />
      {unavailable ? (
        <Notice kind="error">
          The identity service is unavailable right now. Please reload in a moment.
        </Notice>
      ) : signedIn ? (
        <>
          <p data-testid="signed-in-as">
            Signed in as <strong>{email}</strong>
          </p>
          <p className="flex gap-4 text-sm">
            <Link href="/session" className={linkStyle}>
              See your session
            </Link>
            <Link href="/settings" className={linkStyle}>
              Account settings
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>Sign in or create an account to continue.</p>
          <Link href="/login" className={primaryButton}>
            Sign in
          </Link>
          <p className="text-sm">
            New here?{" "}
            <Link href="/registration" className={linkStyle}>
              Create an account
            </Link>
          </p>
        </>
      )}
    </Screen>
  );
}
