import type { Metadata } from "next";
import Link from "next/link";
import { SimpleFlowPage } from "@/components/flow/SimpleFlowPage";
import { linkStyle } from "@/components/ui/buttonStyles";
import type { SearchParams } from "@/lib/http/loadFlow";

export const metadata: Metadata = { title: "Create an account" };

export default function RegistrationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <SimpleFlowPage
      kind="registration"
      searchParams={searchParams}
      title="Create an account"
      subtitle="Use a password or a passkey."
      throughContinue
      footer={
        <p>
          Already have an account?{" "}
          <Link href="/login" className={linkStyle}>
            Sign in
          </Link>
        </p>
      }
    />
  );
}
