"use client";
// Last-resort boundary: an unexpected failure shows this, never a stack trace. The view is
// rendered by the layout on the server (components/ErrorWords.tsx), in the reader's language.
import { ErrorBoundaryView } from "@/components/ErrorWords";

export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorBoundaryView reset={reset} />;
}
