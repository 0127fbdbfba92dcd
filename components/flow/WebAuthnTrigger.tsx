"use client";
// Runs Kratos's WebAuthn/passkey functions (webauthn.js, loaded through the BFF) by name,
// so no inline `onclick` strings are needed and the CSP can forbid inline script.
import { useEffect, useState } from "react";
import { BFF_PREFIX } from "@/lib/http/paths";

const SCRIPT_SRC = `${BFF_PREFIX}/.well-known/ory/webauthn.js`;
type Trigger = (...args: unknown[]) => unknown;

let loading: Promise<void> | undefined;

function loadScript(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const s = document.createElement("script");
    s.src = SCRIPT_SRC;
    s.async = true;
    s.onload = () => resolve();
    s.onerror = () => {
      loading = undefined;
      reject(new Error("Could not load the WebAuthn script"));
    };
    document.head.appendChild(s);
  });
  return loading;
}

async function run(name: string) {
  await loadScript();
  const fn = (window as unknown as Record<string, Trigger | undefined>)[name];
  if (typeof fn !== "function") throw new Error(`WebAuthn trigger ${name} is not available`);
  fn();
}

export function WebAuthnTrigger({
  name,
  value,
  trigger,
  label,
  failedText,
  className,
}: {
  name: string;
  value: string;
  trigger: string;
  label: string;
  /** Shown when the script or the trigger fails (from the catalog, rendered on the server). */
  failedText: string;
  className: string;
}) {
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    loadScript().then(
      () => setReady(true),
      () => setFailed(true),
    );
  }, []);
  return (
    <>
      <button
        type="button"
        name={name}
        value={value}
        className={className}
        disabled={!ready}
        data-webauthn-trigger={trigger}
        onClick={() => run(trigger).catch(() => setFailed(true))}
      >
        {label}
      </button>
      {failed ? (
        <p role="alert" className="text-sm text-danger">
          {failedText}
        </p>
      ) : null}
    </>
  );
}

// Onload triggers already started on this page: React's strict mode runs effects twice in
// development, and a second passkey-autofill request would fail with "already pending".
const startedOnLoad = new Set<string>();

/** Calls an `onloadTrigger` (e.g. passkey autofill) once the script is loaded. */
export function WebAuthnOnLoad({ trigger }: { trigger: string }) {
  useEffect(() => {
    if (startedOnLoad.has(trigger)) return;
    startedOnLoad.add(trigger);
    run(trigger).catch(() => startedOnLoad.delete(trigger));
  }, [trigger]);
  return null;
}
