import Link from "next/link";
import type { ReactNode } from "react";
import { linkStyle } from "@/components/ui/buttonStyles";

/** A row of text links (and anything after them, e.g. the sign-out button). */
export function LinkRow({
  links,
  className,
  children,
}: {
  links: readonly { href: string; label: string }[];
  className: string;
  children?: ReactNode;
}) {
  return (
    <div className={className}>
      {links.map((l) => (
        <Link key={l.href} href={l.href} className={linkStyle}>
          {l.label}
        </Link>
      ))}
      {children}
    </div>
  );
}
