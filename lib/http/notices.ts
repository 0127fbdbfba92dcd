// Short notices a page can show after a redirect, named in the `notice` query parameter. Their
// words are in the catalogs (`notices.<id>`); the English ones also answer API clients.
import en from "@/messages/en.json";

export type NoticeId = keyof typeof en.notices;

/** English wording, for JSON answers (pages show the reader's language). */
export const NOTICES: Readonly<Record<NoticeId, string>> = en.notices;

export function isNoticeId(v: unknown): v is NoticeId {
  return typeof v === "string" && Object.hasOwn(NOTICES, v);
}
