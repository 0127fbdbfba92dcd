import type { Metadata } from "next";
import { ErrorView } from "@/components/ErrorView";
import { getFlowError } from "@/lib/kratos/client";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { param, type SearchParams } from "@/lib/http/loadFlow";
import { describeFlowError } from "@/lib/kratos/flowErrorText";

export const metadata: Metadata = { title: "Something went wrong" };

async function describe(id: string): Promise<{ title: string; message: string; retryHref: string }> {
  try {
    return { ...describeFlowError((await getFlowError(id)).error), retryHref: "/login" };
  } catch (err) {
    if (err instanceof KratosUnavailableError) {
      return {
        title: "Temporarily unavailable",
        message: "The identity service did not answer. Please try again in a moment.",
        retryHref: `/error?id=${encodeURIComponent(id)}`,
      };
    }
    return {
      title: "This error has expired",
      message: "The error details are no longer available. Please start again.",
      retryHref: "/login",
    };
  }
}

export default async function ErrorPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const id = param(await searchParams, "id");
  if (!id)
    return (
      <ErrorView
        title="Something went wrong"
        message="No error was given. You can start again from the home page."
      />
    );
  const { title, message, retryHref } = await describe(id);
  return <ErrorView title={title} message={message} retryHref={retryHref} />;
}
