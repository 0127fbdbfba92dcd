// The app's own components for each kind of Kratos UI node, and the card. A fork replaces any of
// them in ./overrides.tsx; the props (lib/kratos/nodeProps.ts) carry ids, labels, aria and input
// modes already worked out, so a replacement keeps the forms accessible and working without
// JavaScript by passing them on.
import type { UiText } from "@ory/client-fetch";
import type { ComponentProps } from "react";
import { useTranslations } from "next-intl";
import { BackupCodes } from "@/components/flow/BackupCodes";
import { WebAuthnOnLoad, WebAuthnTrigger } from "@/components/flow/WebAuthnTrigger";
import { dangerButton, linkStyle, primaryButton, secondaryButton } from "@/components/ui/buttonStyles";
import type { FlowComponents } from "@/components/flow/nodes/types";

/** Kratos's messages on one field; `id` is what the field's `aria-describedby` names. */
export function FieldMessages({ id, messages }: { id: string; messages: UiText[] }) {
  if (messages.length === 0) return null;
  return (
    <div id={id} className="space-y-1">
      {messages.map((m, i) => (
        <p
          key={`${m.id}-${i}`}
          role={m.type === "error" ? "alert" : undefined}
          data-message-id={m.id}
          className={m.type === "error" ? "text-sm text-danger" : "text-sm text-muted"}
        >
          {m.text}
        </p>
      ))}
    </div>
  );
}

const BUTTON_STYLES = { primary: primaryButton, secondary: secondaryButton, danger: dangerButton } as const;

type Props<K extends keyof FlowComponents> = ComponentProps<FlowComponents[K]>;

// A data: URL from Kratos (the TOTP QR code); next/image adds nothing here. White in both
// schemes: scanners need dark modules on a light quiet zone.
function Image({ id, src, alt, width, height }: Props<"Image">) {
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img src={src} alt={alt} width={width} height={height} id={id} className="mx-auto rounded bg-white p-2" />
  );
}

function Text({ id, label, text, codes }: Props<"Text">) {
  const t = useTranslations("backupCodes");
  return (
    <div className="space-y-1" data-node-id={id}>
      {label ? <p className="text-sm font-medium">{label}</p> : null}
      {codes ? (
        <BackupCodes
          codes={codes}
          words={{
            list: t("list"),
            copy: t("copy"),
            copied: t("copied"),
            download: t("download"),
            copiedAnnouncement: t("copiedAnnouncement"),
          }}
        />
      ) : (
        <p className="break-all rounded bg-surface-muted px-2 py-1 font-mono text-sm" data-testid={id}>
          {text}
        </p>
      )}
    </div>
  );
}

function Anchor({ id, href, title }: Props<"Anchor">) {
  return (
    <a href={href} id={id} className={linkStyle}>
      {title}
    </a>
  );
}

// Nothing: the WebAuthn button and hidden field load Kratos's script themselves, and Kratos v1.3.1
// sends no division the app shows.
function Nothing() {
  return null;
}

function Hidden({ name, value, onloadTrigger }: Props<"Hidden">) {
  return (
    <>
      <input type="hidden" name={name} value={value} />
      {onloadTrigger ? <WebAuthnOnLoad trigger={onloadTrigger} /> : null}
    </>
  );
}

function Button({ name, value, label, disabled, variant }: Props<"Button">) {
  return (
    <button type="submit" name={name} value={value} disabled={disabled} className={BUTTON_STYLES[variant]}>
      {label}
    </button>
  );
}

function WebAuthnButton({ name, value, label, trigger }: Props<"WebAuthnButton">) {
  const t = useTranslations("webauthn");
  return (
    <WebAuthnTrigger
      name={name}
      value={value}
      trigger={trigger}
      label={label}
      failedText={t("failed")}
      className={secondaryButton}
    />
  );
}

function Checkbox({
  id,
  name,
  label,
  checked,
  messages,
  messagesId,
  describedBy,
  invalid,
}: Props<"Checkbox">) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex items-center gap-2 text-sm">
        <input
          id={id}
          type="checkbox"
          name={name}
          value="true"
          defaultChecked={checked}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className="h-4 w-4"
        />
        {label}
      </label>
      <FieldMessages id={messagesId} messages={messages} />
    </div>
  );
}

function Input(p: Props<"Input">) {
  return (
    <div className="space-y-1">
      <label htmlFor={p.id} className="block text-sm font-medium">
        {p.label}
        {p.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={p.id}
        name={p.name}
        type={p.type}
        defaultValue={p.defaultValue}
        required={p.required}
        disabled={p.disabled}
        autoComplete={p.autoComplete}
        pattern={p.pattern}
        maxLength={p.maxLength}
        aria-invalid={p.invalid || undefined}
        aria-describedby={p.describedBy}
        inputMode={p.inputMode}
        className="block w-full rounded-control border border-line-strong bg-field px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-danger"
      />
      <FieldMessages id={p.messagesId} messages={p.messages} />
    </div>
  );
}

function Card({ titleId, title, subtitle, footer, children }: Props<"Card">) {
  return (
    <section
      aria-labelledby={titleId}
      className="mx-auto w-full max-w-md rounded-card border border-line bg-surface p-6 shadow-sm sm:p-8"
    >
      <h1 id={titleId} className="text-2xl font-semibold tracking-tight">
        {title}
      </h1>
      {subtitle ? <div className="mt-1 text-sm text-muted">{subtitle}</div> : null}
      <div className="mt-6 space-y-6">
        {children}
        {footer ? <div className="flex flex-wrap justify-between gap-3 text-sm">{footer}</div> : null}
      </div>
    </section>
  );
}

export const DEFAULT_COMPONENTS: FlowComponents = {
  Image,
  Text,
  Anchor,
  Script: Nothing,
  Division: Nothing,
  Hidden,
  Button,
  WebAuthnButton,
  Checkbox,
  Input,
  Card,
};
