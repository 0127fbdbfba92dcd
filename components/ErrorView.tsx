import Link from "next/link";
import { useTranslations } from "next-intl";
import { Screen } from "@/components/ui/Screen";
import { linkStyle } from "@/components/ui/buttonStyles";
import type { LoadError } from "@/lib/http/kratosErrors";

export function ErrorView({
  title,
  message,
  retryHref,
}: {
  title: string;
  message: string;
  retryHref?: string;
}) {
  const t = useTranslations("errorView");
  return (
    <Screen
      title={title}
      footer={
        <>
          {retryHref ? (
            <Link href={retryHref} className={linkStyle}>
              {t("retry")}
            </Link>
          ) : null}
          <Link href="/" className={linkStyle}>
            {t("home")}
          </Link>
        </>
      }
    >
      <p role="alert">{message}</p>
    </Screen>
  );
}

/** A flow that could not be loaded (lib/http/kratosErrors.ts): Kratos's own reason when it gave one. */
export function LoadErrorView({ error, retryHref }: { error: LoadError; retryHref: string }) {
  const t = useTranslations("loadError");
  return (
    <ErrorView
      title={t(`${error.kind}Title`)}
      message={error.reason ?? t(`${error.kind}Message`)}
      retryHref={retryHref}
    />
  );
}
