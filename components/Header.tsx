import Link from "next/link";
import { LogoutButton } from "@/components/LogoutButton";
import { linkStyle } from "@/components/ui/buttonStyles";

export function Header({ email }: { email?: string }) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3 text-sm"
      >
        <Link href="/" className="font-semibold">
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
