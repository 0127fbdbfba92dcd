export const primaryButton =
  "inline-flex w-full items-center justify-center rounded-control bg-brand px-4 py-2.5 text-sm font-semibold text-on-brand hover:bg-brand-hover disabled:opacity-50";
export const secondaryButton =
  "inline-flex w-full items-center justify-center rounded-control border border-line-strong bg-surface px-4 py-2.5 text-sm font-semibold text-fg hover:bg-surface-muted";
export const dangerButton =
  "inline-flex items-center justify-center rounded-control border border-danger-line px-3 py-1.5 text-sm font-medium text-danger hover:bg-danger-soft";
export const linkStyle = "font-medium text-link underline-offset-2 hover:underline";
