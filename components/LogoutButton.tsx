import { useTranslations } from "next-intl";
import { linkStyle } from "@/components/ui/buttonStyles";

/** Sign-out is a POST (a third-party page cannot trigger it with a link or an image). */
export function LogoutButton({ label, returnTo }: { label?: string; returnTo?: string }) {
  const t = useTranslations("header");
  return (
    <form action="/logout" method="post" className="inline">
      {returnTo ? <input type="hidden" name="return_to" value={returnTo} /> : null}
      <button type="submit" className={linkStyle}>
        {label ?? t("signOut")}
      </button>
    </form>
  );
}
