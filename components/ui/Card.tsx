import type { ReactNode } from "react";

export function Card({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby="card-title"
      className="mx-auto w-full max-w-md rounded-card border border-line bg-surface p-6 shadow-sm sm:p-8"
    >
      <h1 id="card-title" className="text-2xl font-semibold tracking-tight">
        {title}
      </h1>
      {subtitle ? <div className="mt-1 text-sm text-muted">{subtitle}</div> : null}
      <div className="mt-6 space-y-6">{children}</div>
    </section>
  );
}

export function PageShell({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="px-4 py-10 sm:py-16">
      {children}
    </main>
  );
}
