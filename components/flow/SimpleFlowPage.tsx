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
import { loadFlow, param, type SearchParams } from "@/lib/http/loadFlow";
import { continuePath } from "@/lib/http/paths";

type SimpleKind = Exclude<FlowKind, "login" | "settings">;

/** A footer link; `text` and the optional `lead` before it are keys in the page's catalog namespace. */
interface FooterLink {
  href: string;
  text: string;
  lead?: string;
}

/** What differs between the simple flow pages. `throughContinue`: after the flow, pass through /continue (the enrollment gate). */
const PAGES: Record<SimpleKind, { links: readonly FooterLink[]; throughContinue?: boolean }> = {
  registration: { links: [{ href: "/login", lead: "haveAccount", text: "signIn" }], throughContinue: true },
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
  const { links, throughContinue = false } = PAGES[kind];
  const sp = await searchParams;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const kratosReturnTo = throughContinue
    ? new URL(continuePath(returnTo), getConfig().appUrl).href
    : returnTo;
  const loaded = await loadFlow(kind, sp, { return_to: kratosReturnTo }, returnTo);
  if (loaded.error) return <LoadErrorView error={loaded.error} retryHref={`/${kind}`} />;
  const t = await getTranslations(kind);
  return (
    <FlowScreen
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
