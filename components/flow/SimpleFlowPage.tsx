import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import { LoadErrorView } from "@/components/ErrorView";
import { FlowScreen } from "@/components/flow/FlowScreen";
import { linkStyle } from "@/components/ui/buttonStyles";
import { getConfig } from "@/lib/config";
import type { FlowKind } from "@/lib/kratos/flows";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { loadFlow, param, searchParamsOf, type SearchParams } from "@/lib/http/loadFlow";
import { FlowAddress } from "@/components/flow/FlowAddress";
import { flowInitParams } from "@/lib/http/flowStart";

type SimpleKind = Exclude<FlowKind, "login" | "settings">;

/** A footer link; `text` and the optional `lead` before it are keys in the page's catalog namespace. */
interface FooterLink {
  href: string;
  text: string;
  lead?: string;
}

/** What differs between the simple flow pages (what Kratos gets: lib/http/flowStart.ts). */
const PAGES: Record<SimpleKind, { links: readonly FooterLink[] }> = {
  registration: { links: [{ href: "/login", lead: "haveAccount", text: "signIn" }] },
  recovery: { links: [{ href: "/login", text: "backToSignIn" }] },
  verification: {
    links: [
      { href: "/verification", text: "sendNewCode" },
      { href: "/", text: "home" },
    ],
  },
};

/** A simple flow's route module: its page and its title (`<kind>.title` in the catalog). */
export function simpleFlowRoute(kind: SimpleKind) {
  return {
    Page: ({ searchParams }: { searchParams: Promise<SearchParams> }) => (
      <SimpleFlowPage kind={kind} searchParams={searchParams} />
    ),
    generateMetadata: async (): Promise<Metadata> => ({ title: (await getTranslations(kind))("title") }),
  };
}

/**
 * A flow page that shows Kratos's form as it is (registration, recovery, verification), worded
 * by the catalog's `<kind>` namespace (title, subtitle, footer links).
 */
async function SimpleFlowPage({
  kind,
  searchParams,
}: {
  kind: SimpleKind;
  searchParams: Promise<SearchParams>;
}) {
  const { links } = PAGES[kind];
  const sp = await searchParams;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const init = flowInitParams(kind, searchParamsOf(sp), returnTo, getConfig().appUrl);
  const loaded = await loadFlow(kind, sp, init, returnTo);
  if (loaded.error) return <LoadErrorView error={loaded.error} retryHref={`/${kind}`} />;
  const t = await getTranslations(kind);
  return (
    <FlowScreen
      header={<FlowAddress kind={kind} id={loaded.flow.id} notice={param(sp, "notice")} />}
      title={t("title")}
      subtitle={t("subtitle")}
      ui={loaded.flow.ui}
      idPrefix={kind}
      notice={param(sp, "notice")}
      footer={
        <p>
          {links.map((link, i) => (
            <Fragment key={link.href}>
              {i > 0 ? " · " : null}
              {link.lead ? `${t(link.lead)} ` : null}
              <Link href={link.href} className={linkStyle}>
                {t(link.text)}
              </Link>
            </Fragment>
          ))}
        </p>
      }
    />
  );
}
