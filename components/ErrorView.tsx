import Link from "next/link";
import { Card, PageShell } from "@/components/ui/Card";
import { linkStyle } from "@/components/ui/buttonStyles";

export function ErrorView({
  title,
  message,
  retryHref,
}: {
  title: string;
  message: string;
  retryHref?: string;
}) {
  return (
    <PageShell>
      <Card title={title}>
        <p role="alert">{message}</p>
        <p className="flex gap-4 text-sm">
          {retryHref ? (
            <Link href={retryHref} className={linkStyle}>
              Try again
            </Link>
          ) : null}
          <Link href="/" className={linkStyle}>
            Go to the home page
          </Link>
        </p>
      </Card>
    </PageShell>
  );
}
