import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Header } from "@/components/Header";
import { NoticeFromQuery } from "@/components/NoticeFromQuery";
import { LinkRow } from "@/components/ui/LinkRow";
import { Screen } from "@/components/ui/Screen";
import { linkStyle, primaryButton } from "@/components/ui/buttonStyles";
import { Notice } from "@/components/ui/Notice";
import { currentSession, emailOf } from "@/lib/http/currentSession";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { param, type SearchParams } from "@/lib/http/loadFlow";

export default async function Home({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const t = await getTranslations("home");
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
    <Screen header={<Header email={email} />} title={signedIn ? t("titleSignedIn") : t("titleWelcome")}>
      <NoticeFromQuery notice={param(sp, "notice")} />
      {unavailable ? (
        <Notice kind="error">{t("unavailable")}</Notice>
      ) : signedIn ? (
        <>
          <p data-testid="signed-in-as">
            {t.rich("signedInAs", { email: email ?? "", strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <LinkRow
            className="flex gap-4 text-sm"
            links={[
              { href: "/session", label: t("seeSession") },
              { href: "/settings", label: t("accountSettings") },
            ]}
          />
        </>
      ) : (
        <>
          <p>{t("intro")}</p>
          <Link href="/login" className={primaryButton}>
            {t("signIn")}
          </Link>
          <p className="text-sm">
            {t("newHere")}{" "}
            <Link href="/registration" className={linkStyle}>
              {t("createAccount")}
            </Link>
          </p>
        </>
      )}
    </Screen>
  );
}
