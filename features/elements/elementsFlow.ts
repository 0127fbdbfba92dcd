// What an Ory Elements page hands the kit, prepared on the server like the app's own pages.
import "server-only";
import type { UiContainer } from "@ory/client-fetch";
import type { OryClientConfiguration } from "@ory/elements-react";
import { headers } from "next/headers";
import { getConfig } from "@/lib/config";
import { BFF_PREFIX, ELEMENTS_PREFIX, servedByBff } from "@/lib/http/paths";
import { withPageScripts } from "@/lib/kratos/nodes";

/** The flow with its script nodes carrying this request's CSP nonce (proxy.ts) and served by the BFF. */
export async function withRequestNonce<F extends { ui: UiContainer }>(flow: F): Promise<F> {
  const nonce = (await headers()).get("x-nonce") ?? "";
  const origin = getConfig().appUrl.origin;
  const nodes = withPageScripts(flow.ui.nodes, nonce, (src) => servedByBff(src, origin));
  return { ...flow, ui: { ...flow.ui, nodes } };
}

/** The kit's configuration: its SDK calls go to the BFF, its links to the Elements pages. */
export function elementsConfig(locale: string, name: string): OryClientConfiguration {
  const page = (kind: string) => `${ELEMENTS_PREFIX}/${kind}`;
  return {
    sdk: { url: new URL(BFF_PREFIX, getConfig().appUrl).href },
    intl: { locale: locale === "de" ? "de" : "en" },
    project: {
      name,
      default_redirect_url: "/",
      error_ui_url: "/error",
      login_ui_url: page("login"),
      registration_ui_url: page("registration"),
      recovery_ui_url: page("recovery"),
      verification_ui_url: page("verification"),
      settings_ui_url: page("settings"),
      registration_enabled: true,
      recovery_enabled: true,
      verification_enabled: true,
    },
  };
}
