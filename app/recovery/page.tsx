import type { Metadata } from "next";
import Link from "next/link";
import { ErrorView } from "@/components/ErrorView";
import { FlowScreen } from "@/components/flow/FlowScreen";
import { linkStyle } from "@/components/ui/buttonStyles";
import { loadFlow, param, validatedReturnTo, type SearchParams } from "@/lib/kratos/loadFlow";

export const metadata: Metadata = { title: "Recover your account" };

export default async function RecoveryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const loaded = await loadFlow("recovery", sp, { return_to: returnTo }, returnTo);
  if (loaded.error)
    return <ErrorView title={loaded.error.title} message={loaded.error.message} retryHref="/recovery" />;
  return (
    <FlowScreen
      title="Recover your account"
      subtitle="We will email you a code. After entering it you can set a new password."
      ui={loaded.flow.ui}
      idPrefix="recovery"
      notice={param(sp, "notice")}
    >
      <p className="text-sm">
        <Link href="/login" className={linkStyle}>
          Back to sign in
        </Link>
      </p>
    </FlowScreen>
  );
}
