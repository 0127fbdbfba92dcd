import type { ReactNode } from "react";
// The kit's stylesheet and the brand on top of it load on the /elements pages only.
import "@ory/elements-react/theme/styles.css";
import "@/features/elements/elements-theme.css";

export default function ElementsLayout({ children }: { children: ReactNode }) {
  return children;
}
