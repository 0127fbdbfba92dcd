import Link from "next/link";
import { useTranslations } from "next-intl";
import { BRAND } from "@/brand/brand.mjs";
import { LogoutButton } from "@/components/LogoutButton";
import { LinkRow } from "@/components/ui/LinkRow";

export function Header({ email }: { email?: string }) {
  const t = useTranslations("header");
  return (
    <header className="border-b border-line bg-surface">
      <nav
        aria-label={t("nav")}
        className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3 text-sm"
      >
        <Link href="/" className="flex items-center gap-2 font-semibold">
          {/* The brand's logo (brand/, served as /logo.svg); decorative, the link text names it. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/logo.svg" alt="" width={24} height={24} />
          {BRAND.shortName}
        </Link>
        {email ? (
          <LinkRow
            className="flex items-center gap-4"
            links={[
              { href: "/session", label: t("session") },
              { href: "/settings", label: t("settings") },
            ]}
          >
            <LogoutButton />
          </LinkRow>
        ) : (
          <LinkRow
            className="flex items-center gap-4"
            links={[
              { href: "/login", label: t("signIn") },
              { href: "/registration", label: t("createAccount") },
            ]}
          />
        )}
      </nav>
    </header>
  );
}
