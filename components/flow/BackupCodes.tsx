"use client";
import { useState } from "react";
import { secondaryButton } from "@/components/ui/buttonStyles";

export interface BackupCodesWords {
  list: string;
  copy: string;
  copied: string;
  download: string;
  copiedAnnouncement: string;
}

/**
 * Backup codes as a list, with copy and download (the list itself works without JavaScript).
 * Its words come from the server, so the catalog stays there.
 */
export function BackupCodes({ codes, words }: { codes: string[]; words: BackupCodesWords }) {
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n");
  return (
    <div className="space-y-3">
      <ul
        aria-label={words.list}
        data-testid="backup-codes"
        className="grid grid-cols-2 gap-2 rounded-control bg-surface-muted p-3 font-mono text-sm"
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="flex gap-2">
        <button
          type="button"
          className={secondaryButton}
          onClick={() => navigator.clipboard.writeText(text).then(() => setCopied(true))}
        >
          {copied ? words.copied : words.copy}
        </button>
        <a
          className={secondaryButton}
          download="backup-codes.txt"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
        >
          {words.download}
        </a>
      </div>
      <p aria-live="polite" className="sr-only">
        {copied ? words.copiedAnnouncement : ""}
      </p>
    </div>
  );
}
