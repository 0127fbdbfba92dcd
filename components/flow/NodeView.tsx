import type {
  UiNode,
  UiNodeAnchorAttributes,
  UiNodeImageAttributes,
  UiNodeTextAttributes,
  UiText,
} from "@ory/client-fetch";
import { useTranslations } from "next-intl";
import { BackupCodes } from "@/components/flow/BackupCodes";
import { WebAuthnOnLoad, WebAuthnTrigger } from "@/components/flow/WebAuthnTrigger";
import { dangerButton, linkStyle, primaryButton, secondaryButton } from "@/components/ui/buttonStyles";
import { isInput, isRemoveButton, labelOf } from "@/lib/kratos/nodes";

function FieldMessages({ id, messages }: { id: string; messages: UiText[] }) {
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

function textOf(t: UiText): { codes?: string[]; text: string } {
  const ctx = t.context as { secrets?: UiText[] } | undefined;
  if (ctx?.secrets) return { codes: ctx.secrets.map((s) => s.text), text: t.text };
  return { text: t.text };
}

/** `label` replaces Kratos's label where the page knows better (e.g. "New password" in settings). */
export function NodeView({
  node,
  idPrefix,
  label: override,
}: {
  node: UiNode;
  idPrefix: string;
  label?: string;
}) {
  const t = useTranslations();
  const a = node.attributes;
  const label = override ?? labelOf(node);

  if (a.node_type === "img") {
    const img = a as UiNodeImageAttributes;
    // A data: URL from Kratos (the TOTP QR code); next/image adds nothing here. White in
    // both schemes: scanners need dark modules on a light quiet zone.
    return (
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={img.src}
        alt={label}
        width={img.width}
        height={img.height}
        id={img.id}
        className="mx-auto rounded bg-white p-2"
      />
    );
  }
  if (a.node_type === "text") {
    const text = textOf((a as UiNodeTextAttributes).text);
    return (
      <div className="space-y-1" data-node-id={(a as UiNodeTextAttributes).id}>
        {label ? <p className="text-sm font-medium">{label}</p> : null}
        {text.codes ? (
          <BackupCodes
            codes={text.codes}
            words={{
              list: t("backupCodes.list"),
              copy: t("backupCodes.copy"),
              copied: t("backupCodes.copied"),
              download: t("backupCodes.download"),
              copiedAnnouncement: t("backupCodes.copiedAnnouncement"),
            }}
          />
        ) : (
          <p
            className="break-all rounded bg-surface-muted px-2 py-1 font-mono text-sm"
            data-testid={(a as UiNodeTextAttributes).id}
          >
            {text.text}
          </p>
        )}
      </div>
    );
  }
  if (a.node_type === "a") {
    const link = a as UiNodeAnchorAttributes;
    return (
      <a href={link.href} id={link.id} className={linkStyle}>
        {link.title.text}
      </a>
    );
  }
  if (a.node_type === "script") return null; // WebAuthnTrigger loads Kratos's script itself.
  if (!isInput(node)) return null;

  const input = node.attributes;
  const value = input.value === undefined || input.value === null ? undefined : String(input.value);
  if (input.type === "hidden") {
    return (
      <>
        <input type="hidden" name={input.name} value={value ?? ""} />
        {input.onloadTrigger ? <WebAuthnOnLoad trigger={input.onloadTrigger} /> : null}
      </>
    );
  }
  if (input.type === "submit" || input.type === "button") {
    if (input.onclickTrigger) {
      return (
        <WebAuthnTrigger
          name={input.name}
          value={value ?? ""}
          trigger={input.onclickTrigger}
          label={label}
          failedText={t("webauthn.failed")}
          className={secondaryButton}
        />
      );
    }
    const style = isRemoveButton(input.name)
      ? dangerButton
      : input.name === "method"
        ? primaryButton
        : secondaryButton;
    return (
      <button type="submit" name={input.name} value={value} disabled={input.disabled} className={style}>
        {label}
      </button>
    );
  }

  const id = `${idPrefix}-${input.name.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
  const messages = node.messages ?? [];
  const hasError = messages.some((m) => m.type === "error");
  const describedBy = messages.length ? `${id}-messages` : undefined;

  if (input.type === "checkbox") {
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="flex items-center gap-2 text-sm">
          <input
            id={id}
            type="checkbox"
            name={input.name}
            value="true"
            defaultChecked={input.value === true}
            aria-describedby={describedBy}
            aria-invalid={hasError || undefined}
            className="h-4 w-4"
          />
          {label}
        </label>
        <FieldMessages id={`${id}-messages`} messages={messages} />
      </div>
    );
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {input.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        name={input.name}
        type={input.type}
        defaultValue={input.type === "password" ? undefined : value}
        required={input.required}
        disabled={input.disabled}
        autoComplete={input.autocomplete}
        pattern={input.pattern}
        maxLength={input.maxlength}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy}
        inputMode={input.name === "code" || input.name === "totp_code" ? "numeric" : undefined}
        className="block w-full rounded-control border border-line-strong bg-field px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-danger"
      />
      <FieldMessages id={`${id}-messages`} messages={messages} />
    </div>
  );
}
