import type { Metadata } from "next";
import Link from "next/link";
import { SimpleFlowPage } from "@/components/flow/SimpleFlowPage";
import { linkStyle } from "@/components/ui/buttonStyles";
import type { SearchParams } from "@/lib/http/loadFlow";

export const metadata: Metadata = { title: "Recover your account" };

export default function RecoveryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <SimpleFlowPage
      kind="recovery"
      searchParams={searchParams}
      title="Recover your account"
      subtitle="We will email you a code. After entering it you can set a new password."
      footer={
        <p>
          <Link href="/login" className={linkStyle}>
            Back to sign in
          </Link>
        </p>
      }
    />
  );
}
