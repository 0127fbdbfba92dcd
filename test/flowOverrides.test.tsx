// The fork recipe "swap a component in one file": what components/flow/nodes/overrides.tsx sets
// replaces the default on every screen (here set by mocking that one file), and the props carry
// what the default would have drawn with.
import type { UiNode, UiNodeInputAttributes } from "@ory/client-fetch";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { FlowNode } from "@/components/flow/nodes/FlowNode";
import { Screen } from "@/components/ui/Screen";
import type { FlowComponents } from "@/components/flow/nodes/types";
import { CATALOGS } from "@/lib/i18n/catalogs";

vi.mock("@/components/flow/nodes/overrides", () => {
  const overrides: Partial<FlowComponents> = {
    Input: (p) => (
      <span data-fork="input" data-id={p.id} data-inputmode={p.inputMode}>
        {p.label}
      </span>
    ),
    Button: (p) => (
      <span data-fork="button" data-variant={p.variant}>
        {p.label}
      </span>
    ),
    Card: (p) => (
      <article data-fork="card" aria-labelledby={p.titleId}>
        <h1 id={p.titleId}>{p.title}</h1>
        {p.children}
      </article>
    ),
  };
  return { OVERRIDES: overrides };
});

const render = (node: ReactNode) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={CATALOGS.en} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  );

const node = (
  attributes: Pick<UiNodeInputAttributes, "name" | "type" | "value">,
  group: UiNode["group"] = "code",
): UiNode => ({
  type: "input",
  group,
  attributes: { disabled: false, node_type: "input", ...attributes },
  messages: [],
  meta: { label: { id: 1070012, text: "Code", type: "info" } },
});

describe("components/flow/nodes/overrides.tsx", () => {
  it("replaces the Input, with the props the default gets", () => {
    expect(render(<FlowNode node={node({ name: "code", type: "text" })} idPrefix="login-code" />)).toBe(
      '<span data-fork="input" data-id="login-code-code" data-inputmode="numeric">Code</span>',
    );
  });

  it("replaces the Button", () => {
    expect(
      render(<FlowNode node={node({ name: "method", type: "submit", value: "code" })} idPrefix="p" />),
    ).toBe('<span data-fork="button" data-variant="primary">Code</span>');
  });

  it("replaces the card on every screen", () => {
    expect(render(<Screen title="Sign in">body</Screen>)).toBe(
      '<main id="main" class="px-4 py-10 sm:py-16"><article data-fork="card" aria-labelledby="screen-title"><h1 id="screen-title">Sign in</h1>body</article></main>',
    );
  });

  it("keeps the defaults of the kinds it does not set", () => {
    expect(
      render(
        <FlowNode node={node({ name: "csrf_token", type: "hidden", value: "t" }, "default")} idPrefix="p" />,
      ),
    ).toBe('<input type="hidden" name="csrf_token" value="t"/>');
  });
});
