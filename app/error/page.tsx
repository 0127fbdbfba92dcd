import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ErrorView } from "@/components/ErrorView";
import { getFlowError } from "@/lib/kratos/client";
import { KratosUnavailableError } from "@/lib/kratos/errors";
import { param, type SearchParams } from "@/lib/http/loadFlow";
import { describeFlowError } from "@/lib/kratos/flowErrorText";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("flowError"))("title") };
}

async function describe(id: string): Promise<{ title: string; message: string; retryHref: string }> {
  const t = await getTranslations("flowError");
  try {
    const d = describeFlowError((await getFlowError(id)).error);
    if (d.known)
      return { title: t(`${d.known}.title`), message: t(`${d.known}.message`), retryHref: "/login" };
    return {
      title: t(`${d.kind}Title`),
      message: (d.kind === "request" ? d.reason : undefined) ?? t(`${d.kind}Message`),
      retryHref: "/login",
    };
  } catch (err) {
    if (err instanceof KratosUnavailableError) {
      return {
        title: t("unavailableTitle"),
        message: t("unavailableMessage"),
        retryHref: `/error?id=${encodeURIComponent(id)}`,
      };
    }
    return { title: t("goneTitle"), message: t("goneMessage"), retryHref: "/login" };
  }
}

export default async function ErrorPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const id = param(await searchParams, "id");
  if (!id) {
    const t = await getTranslations("flowError");
    return <ErrorView title={t("title")} message={t("noId")} />;
  }
  const { title, message, retryHref } = await describe(id);
  return <ErrorView title={title} message={message} retryHref={retryHref} />;
}
