import type { ReactNode } from "react";
import { FLOW_COMPONENTS } from "@/components/flow/nodes/registry";

/**
 * The one page layout: an optional header bar, then a card with the page's title and
 * subtitle, its body, and a footer row for links. Every page (flow pages, the dead end,
 * errors, the home page) is this layout with different slots filled. The card is the flow
 * components' `Card` (components/flow/nodes/), so a fork's card is every page's.
 */
export function Screen({
  header,
  title,
  subtitle,
  footer,
  children,
}: {
  header?: ReactNode;
  title: string;
  subtitle?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
}) {
  const { Card } = FLOW_COMPONENTS;
  return (
    <>
      {header}
      <main id="main" className="px-4 py-10 sm:py-16">
        <Card titleId="screen-title" title={title} subtitle={subtitle} footer={footer}>
          {children}
        </Card>
      </main>
    </>
  );
}
