import { useTranslations } from "next-intl";
import { Notice, type NoticeKind } from "@/components/ui/Notice";
import { isNoticeId, type NoticeId } from "@/lib/http/notices";

const KINDS: Partial<Record<NoticeId, NoticeKind>> = {
  signed_out: "success",
  session_ended: "success",
  other_sessions_ended: "success",
  account_deleted: "success",
  too_many_attempts: "error",
  delete_email_mismatch: "error",
};

/** Shows the app's own `?notice=` message (only known ids; never echoes the query). */
export function NoticeFromQuery({ notice }: { notice: string | undefined }) {
  const t = useTranslations("notices");
  if (!isNoticeId(notice)) return null;
  return <Notice kind={KINDS[notice] ?? "info"}>{t(notice)}</Notice>;
}
