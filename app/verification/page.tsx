import type { Metadata } from "next";
import Link from "next/link";
import { ErrorView } from "@/components/ErrorView";
import { FlowScreen } from "@/components/flow/FlowScreen";
import { linkStyle } from "@/components/ui/buttonStyles";
import { loadFlow, param, validatedReturnTo, type SearchParams } from "@/lib/kratos/loadFlow";

export const metadata: Metadata = { title: "Verify your email" };

export default async function VerificationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const loaded = await loadFlow("verification", sp, { return_to: returnTo }, returnTo);
  if (loaded.error)
    return <ErrorView title={loaded.error.title} message={loaded.error.message} retryHref="/verification" />;
  return (
    <FlowScreen
      title="Verify your email"
      subtitle="Enter the code we emailed you. No code? Submit your address again to get a new one."
      ui={loaded.flow.ui}
      idPrefix="verification"
      notice={param(sp, "notice")}
    >
      <p className="text-sm">
        <Link href="/verification" className={linkStyle}>
          Send a new code
        </Link>{" "}
        ·{" "}
        <Link href="/" className={linkStyle}>
          Home
        </Link>
      </p>
    </FlowScreen>
  );
}
