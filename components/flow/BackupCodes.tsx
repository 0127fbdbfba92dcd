"use client";
import { useState } from "react";
import { secondaryButton } from "@/components/ui/buttonStyles";

/** Backup codes as a list, with copy and download (the list itself works without JavaScript). */
export function BackupCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n");
  return (
    <div className="space-y-3">
      <ul
        aria-label="Backup codes"
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
          {copied ? "Copied" : "Copy codes"}
        </button>
        <a
          className={secondaryButton}
          download="backup-codes.txt"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
        >
          Download
        </a>
      </div>
      <p aria-live="polite" className="sr-only">
        {copied ? "Backup codes copied to the clipboard" : ""}
      </p>
    </div>
  );
}
