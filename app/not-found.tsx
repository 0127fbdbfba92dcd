import Link from "next/link";
import { useTranslations } from "next-intl";
import { Screen } from "@/components/ui/Screen";
import { linkStyle } from "@/components/ui/buttonStyles";

export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <Screen title={t("title")}>
      <p>{t("message")}</p>
      <Link href="/" className={linkStyle}>
        {t("home")}
      </Link>
    </Screen>
  );
}
