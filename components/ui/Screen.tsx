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
  aside,
  children,
}: {
  header?: ReactNode;
  title: string;
  subtitle?: ReactNode;
  footer?: ReactNode;
  /** A navigation beside the card (above it on narrow screens): the settings sections. */
  aside?: ReactNode;
  children?: ReactNode;
}) {
  const { Card } = FLOW_COMPONENTS;
  const card = (
    <Card titleId="screen-title" title={title} subtitle={subtitle} footer={footer}>
      {children}
    </Card>
  );
  return (
    <>
      {header}
      <main id="main" className="px-4 py-10 sm:py-16">
        {aside ? (
          <div className="mx-auto grid max-w-3xl gap-6 sm:grid-cols-[13rem_minmax(0,1fr)] sm:items-start">
            {aside}
            <div className="min-w-0">{card}</div>
          </div>
        ) : (
          card
        )}
      </main>
    </>
  );
}
