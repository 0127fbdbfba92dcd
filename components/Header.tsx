import Link from "next/link";
import { LogoutButton } from "@/components/LogoutButton";
import { linkStyle } from "@/components/ui/buttonStyles";

export function Header({ email }: { email?: string }) {
  return (
    <header className="border-b border-line bg-surface">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3 text-sm"
      >
        <Link href="/" className="flex items-center gap-2 font-semibold">
          {/* The brand's logo (public/logo.svg); decorative, the link text names it. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/logo.svg" alt="" width={24} height={24} />
          Account
        </Link>
        {email ? (
          <div className="flex items-center gap-4">
            <Link href="/session" className={linkStyle}>
              Session
            </Link>
            <Link href="/settings" className={linkStyle}>
              Settings
            </Link>
            <LogoutButton />
          </div>
        ) : (
          <div className="flex items-center gap-4">
            <Link href="/login" className={linkStyle}>
              Sign in
            </Link>
            <Link href="/registration" className={linkStyle}>
              Create account
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
