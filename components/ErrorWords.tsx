"use client";
// The error boundary's view (app/error.tsx), rendered by the layout on the server and handed
// down. Rendering it in the boundary itself would make the page layout and every flow component
// it reaches (components/ui/Screen.tsx → the node registry, next-intl's message formatter)
// client code shipped to every page: about 13 KB gzipped (bench/page-js.mjs).
import { createContext, useContext, type ReactNode } from "react";
import { primaryButton } from "@/components/ui/buttonStyles";

const View = createContext<ReactNode>(null);
const Reset = createContext<() => void>(() => undefined);

export function ErrorViewProvider({ view, children }: { view: ReactNode; children: ReactNode }) {
  return <View.Provider value={view}>{children}</View.Provider>;
}

/** The server-rendered view, with `reset` for its retry button. */
export function ErrorBoundaryView({ reset }: { reset: () => void }) {
  return <Reset.Provider value={reset}>{useContext(View)}</Reset.Provider>;
}

/** The retry button inside the server-rendered view. */
export function RetryButton({ label }: { label: string }) {
  const reset = useContext(Reset);
  return (
    <button type="button" onClick={reset} className={primaryButton}>
      {label}
    </button>
  );
}
