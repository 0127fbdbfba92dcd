"use client";
// The Ory Elements kit's flow components (only the /elements pages import this module, so the
// kit's JavaScript stays off the app's own pages). The flow comes prepared by the server
// (policy-filtered nodes, the page's script nonce); the kit submits through the BFF.
import { Login, Recovery, Registration, Settings, Verification } from "@ory/elements-react/theme";
import type { OryClientConfiguration } from "@ory/elements-react";
import { NODE_OVERRIDES } from "@/features/elements/components/nodeOverrides";
import type { FlowByKind, FlowKind } from "@/lib/kratos/flows";

/** One flow and its kind. The app pins the @ory/client-fetch version the kit is built against, so these are the kit's types too. */
export type ElementsFlowProps = { [K in FlowKind]: { kind: K; flow: FlowByKind[K] } }[FlowKind];

/**
 * After a submission Kratos answers with the flow as it stands; the kit would render that
 * as it is, without the factor policy's filtering. The server renders it again instead, so
 * every flow shown went through the same preparation as the first one.
 */
function renderAgainOnServer(): Promise<void> {
  window.location.reload();
  return new Promise(() => {});
}

export function ElementsFlow({ config, ...props }: ElementsFlowProps & { config: OryClientConfiguration }) {
  const common = { config, components: NODE_OVERRIDES, onValidationError: renderAgainOnServer };
  switch (props.kind) {
    case "login":
      return <Login flow={props.flow} {...common} />;
    case "registration":
      return <Registration flow={props.flow} {...common} />;
    case "recovery":
      return <Recovery flow={props.flow} {...common} />;
    case "verification":
      return <Verification flow={props.flow} {...common} />;
    case "settings":
      return <Settings flow={props.flow} {...common} />;
  }
}
