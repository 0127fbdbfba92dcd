"use client";
// Last-resort boundary: an unexpected failure shows this, never a stack trace. Its words are
// the only part of the catalog the layout hands to the client.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Screen } from "@/components/ui/Screen";
import { linkStyle, primaryButton } from "@/components/ui/buttonStyles";

export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorBoundary");
  return (
    <Screen title={t("title")}>
      <p role="alert">{t("message")}</p>
      <button type="button" onClick={reset} className={primaryButton}>
        {t("retry")}
      </button>
      <Link href="/" className={linkStyle}>
        {t("home")}
      </Link>
    </Screen>
  );
}
