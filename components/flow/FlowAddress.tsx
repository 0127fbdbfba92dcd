"use client";
// A flow started in the page's own response (proxy.ts) renders at the address the browser asked
// for (`/login`); this puts Kratos's `?flow=` address in the address bar, as the trip through
// the BFF used to, so a reload or a shared link shows the same flow. Without JavaScript the
// address stays `/login`: the form posts and Kratos's redirects work the same.
import { useEffect } from "react";

export function FlowAddress({ kind, id, notice }: { kind: string; id: string; notice?: string }) {
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get("flow") === id) return;
    const q = new URLSearchParams({ flow: id });
    if (notice) q.set("notice", notice);
    window.history.replaceState(window.history.state, "", `/${kind}?${q}`);
  }, [kind, id, notice]);
  return null;
}
