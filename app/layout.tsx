import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { BRAND } from "@/brand/brand.mjs";
import { LanguageSwitcher } from "@/components/LanguageSwitcher";
import { ErrorViewProvider, RetryButton } from "@/components/ErrorWords";
import { Screen } from "@/components/ui/Screen";
import { linkStyle } from "@/components/ui/buttonStyles";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  return {
    title: { default: BRAND.name, template: `%s · ${BRAND.shortName}` },
    applicationName: BRAND.name,
    description: t("description"),
    // public/logo.svg is the brand's logo, copied there by next.config.ts.
    icons: { icon: "/logo.svg" },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("layout")]);
  const words = messages.errorBoundary;
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-canvas font-sans text-fg antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-surface focus:px-3 focus:py-2 focus:text-fg"
        >
          {t("skipToContent")}
        </a>
        {/* Client components get only their own words: the error boundary's (app/error.tsx). */}
        <ErrorViewProvider
          view={
            <Screen title={words.title}>
              <p role="alert">{words.message}</p>
              <RetryButton label={words.retry} />
              <Link href="/" className={linkStyle}>
                {words.home}
              </Link>
            </Screen>
          }
        >
          {children}
        </ErrorViewProvider>
        <LanguageSwitcher />
      </body>
    </html>
  );
}
