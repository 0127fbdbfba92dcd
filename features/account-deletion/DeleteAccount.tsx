import { getTranslations } from "next-intl/server";
import { dangerButton } from "@/components/ui/buttonStyles";

/**
 * Account deletion: the email typed as confirmation; the route asks for a fresh sign-in first if
 * needed. Its settings section's page title says the same, so its heading is for screen readers only.
 */
export async function DeleteAccount({ privilegedMinutes }: { privilegedMinutes: number }) {
  const t = await getTranslations("deleteAccount");
  return (
    <section aria-labelledby="delete-account-title" id="delete-account">
      <h2 id="delete-account-title" className="sr-only">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("explain", { minutes: privilegedMinutes })}</p>
      <form action="/account/delete" method="post" className="mt-3 space-y-3">
        <div className="space-y-1">
          <label htmlFor="delete-account-email" className="block text-sm font-medium">
            {t("emailLabel")}
          </label>
          <input
            id="delete-account-email"
            name="email"
            type="email"
            required
            autoComplete="off"
            className="block w-full rounded-control border border-line-strong bg-field px-3 py-2 text-sm shadow-sm"
          />
        </div>
        <button type="submit" className={dangerButton}>
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
