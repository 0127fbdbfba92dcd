"use client";
// Last-resort boundary: an unexpected failure shows this, never a stack trace.
import Link from "next/link";
import { Screen } from "@/components/ui/Screen";
import { linkStyle, primaryButton } from "@/components/ui/buttonStyles";

export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Screen title="Something went wrong">
      <p role="alert">
        The page could not be shown. Please try again; if it keeps happening, start from the home page.
      </p>
      <button type="button" onClick={reset} className={primaryButton}>
        Try again
      </button>
      <Link href="/" className={linkStyle}>
        Go to the home page
      </Link>
    </Screen>
  );
}
