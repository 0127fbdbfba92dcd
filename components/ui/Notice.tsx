import type { ReactNode } from "react";

const STYLES = {
  error: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  info: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100",
  success:
    "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
} as const;

export type NoticeKind = keyof typeof STYLES;

/** A message box; errors are announced at once (role=alert), the rest politely (role=status). */
export function Notice({ kind, children, id }: { kind: NoticeKind; children: ReactNode; id?: string }) {
  return (
    <div
      id={id}
      role={kind === "error" ? "alert" : "status"}
      className={`rounded-lg border px-3 py-2 text-sm ${STYLES[kind]}`}
    >
      {children}
    </div>
  );
}
