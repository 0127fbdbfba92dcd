import Link from "next/link";
import { Screen } from "@/components/ui/Screen";
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
    <Screen
      title={title}
      footer={
        <>
          {retryHref ? (
            <Link href={retryHref} className={linkStyle}>
              Try again
            </Link>
          ) : null}
          <Link href="/" className={linkStyle}>
            Go to the home page
          </Link>
        </>
      }
    >
      <p role="alert">{message}</p>
    </Screen>
  );
}
