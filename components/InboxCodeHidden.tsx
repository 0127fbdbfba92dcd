import { getFormatter, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/Notice";
import type { LoginView } from "@/lib/http/loginView";
import { choiceKey } from "@/lib/kratos/nodes";

/** On a step-up whose email code the policy removed: why, and what is left (both UI kits). */
export async function InboxCodeHidden({ view }: { view: LoginView }) {
  if (!view.removedGroups.includes("code")) return null;
  const [t, all, format] = await Promise.all([getTranslations("login"), getTranslations(), getFormatter()]);
  const choices = format.list(
    view.remainingGroups.map((g) => {
      const key = choiceKey(g);
      return key && all.has(key) ? all(key) : g;
    }),
    { type: "disjunction" },
  );
  return (
    <Notice kind="info">
      <span data-testid="inbox-code-hidden">
        {view.provider
          ? t("inboxCodeHiddenProvider", { provider: view.provider, choices })
          : t("inboxCodeHidden", { choices })}
      </span>
    </Notice>
  );
}
