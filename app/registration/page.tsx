import type { Metadata } from "next";
import Link from "next/link";
import { ErrorView } from "@/components/ErrorView";
import { FlowScreen } from "@/components/flow/FlowScreen";
import { linkStyle } from "@/components/ui/buttonStyles";
import { getConfig } from "@/lib/config";
import { loadFlow, param, validatedReturnTo, type SearchParams } from "@/lib/kratos/loadFlow";
import { continuePath } from "@/lib/paths";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegistrationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const returnTo = validatedReturnTo(param(sp, "return_to"));
  const kratosReturnTo = new URL(continuePath(returnTo), getConfig().appUrl).href;
  const loaded = await loadFlow("registration", sp, { return_to: kratosReturnTo }, returnTo);
  if (loaded.error)
    return <ErrorView title={loaded.error.title} message={loaded.error.message} retryHref="/registration" />;
  return (
    <FlowScreen
      title="Create an account"
      subtitle="Use a password or a passkey."
      ui={loaded.flow.ui}
      idPrefix="registration"
      notice={param(sp, "notice")}
    >
      <p className="text-sm">
        Already have an account?{" "}
        <Link href="/login" className={linkStyle}>
          Sign in
        </Link>
      </p>
    </FlowScreen>
  );
}
