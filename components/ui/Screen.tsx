import type { ReactNode } from "react";

/**
 * The one page layout: an optional header bar, then a card with the page's title and
 * subtitle, its body, and a footer row for links. Every page (flow pages, the dead end,
 * errors, the home page) is this layout with different slots filled.
 */
export function Screen({
  header,
  title,
  subtitle,
  footer,
  children,
}: {
  header?: ReactNode;
  title: string;
  subtitle?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      {header}
      <main id="main" className="px-4 py-10 sm:py-16">
        <section
          aria-labelledby="screen-title"
          className="mx-auto w-full max-w-md rounded-card border border-line bg-surface p-6 shadow-sm sm:p-8"
        >
          <h1 id="screen-title" className="text-2xl font-semibold tracking-tight">
            {title}
          </h1>
          {subtitle ? <div className="mt-1 text-sm text-muted">{subtitle}</div> : null}
          <div className="mt-6 space-y-6">
            {children}
            {footer ? <div className="flex flex-wrap justify-between gap-3 text-sm">{footer}</div> : null}
          </div>
        </section>
      </main>
    </>
  );
}
