import type { Metadata } from "next";
import Link from "next/link";
import { SimpleFlowPage } from "@/components/flow/SimpleFlowPage";
import { linkStyle } from "@/components/ui/buttonStyles";
import type { SearchParams } from "@/lib/http/loadFlow";

export const metadata: Metadata = { title: "Verify your email" };

export default function VerificationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <SimpleFlowPage
      kind="verification"
      searchParams={searchParams}
      title="Verify your email"
      subtitle="Enter the code we emailed you. No code? Submit your address again to get a new one."
      footer={
        <p>
          <Link href="/verification" className={linkStyle}>
            Send a new code
          </Link>{" "}
          ·{" "}
          <Link href="/" className={linkStyle}>
            Home
          </Link>
        </p>
      }
    />
  );
}
