import type { ReactNode } from "react";

const STYLES = {
  error: "border-danger-line bg-danger-soft",
  info: "border-info-line bg-info-soft",
  success: "border-success-line bg-success-soft",
} as const;

export type NoticeKind = keyof typeof STYLES;

/** A message box; errors are announced at once (role=alert), the rest politely (role=status). */
export function Notice({ kind, children, id }: { kind: NoticeKind; children: ReactNode; id?: string }) {
  return (
    <div
      id={id}
      role={kind === "error" ? "alert" : "status"}
      className={`rounded-control border px-3 py-2 text-sm text-fg ${STYLES[kind]}`}
    >
      {children}
    </div>
  );
}
