import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { BRAND } from "@/brand/brand.mjs";
import { ElementsFlow, type ElementsFlowProps } from "@/features/elements/components/ElementsFlow";
import { NoticeFromQuery } from "@/components/NoticeFromQuery";
import { elementsConfig } from "@/features/elements/elementsFlow";

/** An Ory Elements page: the app's notices and policy alerts above the kit's own card (which has the page's heading). */
export async function ElementsScreen({
  notice,
  alerts,
  flow,
}: {
  notice?: string;
  alerts?: ReactNode;
  flow: ElementsFlowProps;
}) {
  const locale = await getLocale();
  return (
    <main id="main" className="elements-kit px-4 py-10 sm:py-16">
      <div className="mx-auto mb-4 w-full max-w-md space-y-3 empty:hidden">
        <NoticeFromQuery notice={notice} />
        {alerts}
      </div>
      <ElementsFlow config={elementsConfig(locale, BRAND.name)} {...flow} />
    </main>
  );
}
