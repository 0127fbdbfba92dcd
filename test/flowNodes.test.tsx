// The flow renderer's markup, node kind by node kind: what a browser, a screen reader and a
// no-JavaScript form see (ids, labels, autocomplete, inputmode, aria). The snapshot is the
// markup the app shipped before the renderer became a map of swappable components.
import type { UiNode } from "@ory/client-fetch";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { FlowNode } from "@/components/flow/nodes/FlowNode";
import { Screen } from "@/components/ui/Screen";
import { CATALOGS } from "@/lib/i18n/catalogs";

const inputNode = (
  group: UiNode["group"],
  attributes: Record<string, unknown>,
  extra: Partial<UiNode> = {},
): UiNode => ({
  type: "input",
  group,
  attributes: { disabled: false, node_type: "input", ...attributes } as UiNode["attributes"],
  messages: [],
  meta: {},
  ...extra,
});

const label = (id: number, text: string) => ({ meta: { label: { id, text, type: "info" as const } } });

const FIXTURES: [string, UiNode][] = [
  [
    "identifier",
    inputNode(
      "default",
      { name: "identifier", type: "text", value: "", required: true, autocomplete: "username" },
      label(1070004, "ID"),
    ),
  ],
  [
    "password with an error",
    inputNode(
      "password",
      {
        name: "password",
        type: "password",
        value: "secret",
        required: true,
        autocomplete: "current-password",
      },
      {
        ...label(1070001, "Password"),
        messages: [{ id: 4000006, text: "The provided credentials are invalid.", type: "error" }],
      },
    ),
  ],
  [
    "email code",
    inputNode(
      "code",
      { name: "code", type: "text", required: true, pattern: "[0-9]+", maxlength: 6 },
      label(1070012, "Code"),
    ),
  ],
  [
    "totp code",
    inputNode("totp", { name: "totp_code", type: "text", required: true }, label(1070006, "Verify code")),
  ],
  [
    "backup code input",
    inputNode(
      "lookup_secret",
      { name: "lookup_secret", type: "text", required: true },
      label(1010010, "Backup recovery code"),
    ),
  ],
  [
    "traits.email (a dotted name)",
    inputNode(
      "default",
      { name: "traits.email", type: "email", autocomplete: "email" },
      label(1070002, "E-Mail"),
    ),
  ],
  [
    "checkbox",
    inputNode("default", { name: "remember", type: "checkbox", value: true }, label(0, "Remember me")),
  ],
  ["csrf token", inputNode("default", { name: "csrf_token", type: "hidden", value: "tok" })],
  [
    "hidden with onload trigger",
    inputNode("webauthn", {
      name: "webauthn_login",
      type: "hidden",
      value: "",
      onloadTrigger: "oryWebAuthnLogin",
    }),
  ],
  [
    "method submit",
    inputNode("password", { name: "method", type: "submit", value: "password" }, label(1010001, "Sign in")),
  ],
  [
    "remove button",
    inputNode(
      "totp",
      { name: "totp_unlink", type: "submit", value: "true" },
      label(1050008, "Unlink TOTP Authenticator App"),
    ),
  ],
  [
    "other submit",
    inputNode("code", { name: "resend", type: "submit", value: "code" }, label(1070008, "Resend code")),
  ],
  [
    "disabled submit",
    inputNode(
      "profile",
      { name: "method", type: "submit", value: "profile", disabled: true },
      label(1010001, "Save"),
    ),
  ],
  [
    "webauthn trigger",
    inputNode(
      "webauthn",
      {
        name: "webauthn_register_trigger",
        type: "button",
        value: "",
        onclickTrigger: "oryWebAuthnRegistration",
      },
      label(1050012, "Add security key"),
    ),
  ],
  [
    "totp qr image",
    {
      type: "img",
      group: "totp",
      attributes: {
        node_type: "img",
        id: "totp_qr",
        src: "data:image/png;base64,AAAA",
        width: 256,
        height: 256,
      },
      messages: [],
      ...label(1050005, "Authenticator app QR code"),
    },
  ],
  [
    "totp secret text",
    {
      type: "text",
      group: "totp",
      attributes: {
        node_type: "text",
        id: "totp_secret_key",
        text: { id: 1050006, text: "ABCDEF", type: "info" },
      },
      messages: [],
      ...label(1050017, "This is your authenticator app secret."),
    },
  ],
  [
    "backup codes",
    {
      type: "text",
      group: "lookup_secret",
      attributes: {
        node_type: "text",
        id: "lookup_secret_codes",
        text: {
          id: 1050015,
          text: "abcd1234, used",
          type: "info",
          context: {
            secrets: [
              { id: 1050009, text: "abcd1234", type: "info" },
              { id: 1050014, text: "Secret was used at 2024-01-01", type: "info" },
            ],
          },
        },
      },
      messages: [],
      ...label(1050010, "These are your back up recovery codes."),
    },
  ],
  [
    "anchor",
    {
      type: "a",
      group: "default",
      attributes: {
        node_type: "a",
        id: "verify",
        href: "https://app.example.test/verification",
        title: { id: 1070011, text: "Verify", type: "info" },
      },
      messages: [],
      meta: {},
    },
  ],
  [
    "script",
    {
      type: "script",
      group: "webauthn",
      attributes: {
        node_type: "script",
        id: "webauthn_script",
        src: "/api/kratos/.well-known/ory/webauthn.js",
        async: true,
        referrerpolicy: "no-referrer",
        crossorigin: "anonymous",
        integrity: "sha512-x",
        type: "text/javascript",
        nonce: "n",
      },
      messages: [],
      meta: {},
    },
  ],
];

const withIntl = (node: ReactNode) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={CATALOGS.en} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  );

describe("the flow node renderer", () => {
  it.each(FIXTURES)("renders %s", (_name, node) => {
    expect(withIntl(<FlowNode node={node} idPrefix="login-password" />)).toMatchSnapshot();
  });

  it("renders a page's label instead of Kratos's", () => {
    const [, node] = FIXTURES[1]!;
    expect(withIntl(<FlowNode node={node} idPrefix="settings-password" label="New password" />)).toContain(
      ">New password<",
    );
  });

  it("renders the screen's card", () => {
    const screen = (
      <Screen title="Sign in" subtitle="to the app" footer={<span>Home</span>}>
        <p>body</p>
      </Screen>
    );
    expect(withIntl(screen)).toMatchSnapshot();
  });
});
