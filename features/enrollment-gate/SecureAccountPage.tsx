import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Header } from "@/components/Header";
import { Screen } from "@/components/ui/Screen";
import { currentSession, emailOf } from "@/lib/http/currentSession";
import { linkStyle, primaryButton } from "@/components/ui/buttonStyles";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { param, type SearchParams } from "@/lib/http/loadFlow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secureAccount"))("title") };
}

export default async function SecureAccountPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const returnTo = validatedReturnTo(param(await searchParams, "return_to")) ?? "/";
  const t = await getTranslations("secureAccount");
  // The header is a courtesy here: if Kratos is slow, the page still renders without it.
  return (
    <Screen
      header={<Header email={emailOf((await currentSession().catch(() => null))?.identity)} />}
      title={t("title")}
      subtitle={t("subtitle")}
    >
      <div data-testid="enrollment-gate" className="space-y-3 text-sm leading-6">
        <p>{t("why")}</p>
        <p>{t.rich("what", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </div>
      <Link href="/settings" className={primaryButton}>
        {t("setUp")}
      </Link>
      <p className="text-sm">
        <Link href={returnTo} className={linkStyle}>
          {t("skip")}
        </Link>
      </p>
    </Screen>
  );
}
