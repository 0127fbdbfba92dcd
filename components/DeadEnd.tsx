import { useTranslations } from "next-intl";
import { LogoutButton } from "@/components/LogoutButton";
import { Screen } from "@/components/ui/Screen";

/**
 * Shown at step-up when the session's first factor came from the inbox and the account has
 * no other second factor: an email code would be the same inbox twice, so nothing is left.
 * `provider`: the session signed in with this mailbox provider rather than an emailed code.
 */
export function DeadEnd({ supportContact, provider }: { supportContact: string; provider?: string }) {
  const t = useTranslations("deadEnd");
  return (
    <Screen title={t("title")} subtitle={t("subtitle")}>
      <div data-testid="dead-end" className="space-y-4 text-sm leading-6">
        <p>{provider ? t("whyProvider", { provider }) : t("why")}</p>
        <h2 className="text-base font-semibold">{t("whatYouCanDo")}</h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            {t("usePassword")} <LogoutButton label={t("signOutForPassword")} returnTo="/login" />
          </li>
          <li>{t("contactSupport", { support: supportContact })}</li>
        </ul>
        <p>{t("afterwards")}</p>
      </div>
    </Screen>
  );
}
