"use client";
// The error boundary's words (app/error.tsx), handed down by the layout. A context of its own
// rather than next-intl's client provider: that one ships the message formatter to every page
// (about 12 KB gzipped, npm run bench) for four fixed sentences.
import { createContext, useContext, type ReactNode } from "react";
import type en from "@/messages/en.json";

export type ErrorWords = (typeof en)["errorBoundary"];

const Words = createContext<ErrorWords | null>(null);

export function ErrorWordsProvider({ words, children }: { words: ErrorWords; children: ReactNode }) {
  return <Words.Provider value={words}>{children}</Words.Provider>;
}

export function useErrorWords(): ErrorWords {
  const words = useContext(Words);
  if (!words) throw new Error("ErrorWordsProvider is missing");
  return words;
}
