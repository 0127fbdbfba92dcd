import { Notice } from "@/components/ui/Notice";
import { isNoticeId, NOTICES } from "@/lib/http/notices";

/** Shows the app's own `?notice=` message (only known ids; never echoes the query). */
export function NoticeFromQuery({ notice }: { notice: string | undefined }) {
  if (!isNoticeId(notice)) return null;
  const kind = notice === "signed_out" ? "success" : notice === "too_many_attempts" ? "error" : "info";
  return <Notice kind={kind}>{NOTICES[notice]}</Notice>;
}
