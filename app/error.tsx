"use client";
// Last-resort boundary: an unexpected failure shows this, never a stack trace. Its words are
// the only part of the catalog the layout hands to the client.
import Link from "next/link";
import { useErrorWords } from "@/components/ErrorWords";
import { Screen } from "@/components/ui/Screen";
import { linkStyle, primaryButton } from "@/components/ui/buttonStyles";

export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const words = useErrorWords();
  return (
    <Screen title={words.title}>
      <p role="alert">{words.message}</p>
      <button type="button" onClick={reset} className={primaryButton}>
        {words.retry}
      </button>
      <Link href="/" className={linkStyle}>
        {words.home}
      </Link>
    </Screen>
  );
}
