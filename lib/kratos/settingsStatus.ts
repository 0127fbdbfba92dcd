// What a settings flow says is set up, read from its nodes (Kratos shows "unlink" and
// "remove" buttons only for what exists). Pure.
import type { UiNode } from "@ory/client-fetch";
import { inputName } from "@/lib/kratos/nodes";

export interface SettingsStatus {
  totp: boolean;
  /** "active": codes exist; "unconfirmed": generated but not yet confirmed as saved. */
  backupCodes: "none" | "unconfirmed" | "active";
  securityKeys: number;
  passkeys: number;
}

export function settingsStatus(nodes: readonly UiNode[]): SettingsStatus {
  const names = nodes.map(inputName);
  const count = (n: string) => names.filter((x) => x === n).length;
  // Kratos offers `lookup_secret_regenerate` alone when the identity has no codes, and next
  // to `lookup_secret_disable` once they are revealed: only reveal/disable mean codes exist.
  const backupCodes = names.includes("lookup_secret_confirm")
    ? "unconfirmed"
    : names.includes("lookup_secret_reveal") || names.includes("lookup_secret_disable")
      ? "active"
      : "none";
  return {
    totp: names.includes("totp_unlink"),
    backupCodes,
    securityKeys: count("webauthn_remove"),
    passkeys: count("passkey_remove"),
  };
}

/** One line per method for the settings page. */
export function statusLine(group: string, s: SettingsStatus): string | undefined {
  switch (group) {
    case "totp":
      return s.totp
        ? "Set up: codes from your authenticator app are accepted."
        : "Not set up. Scan the QR code with an authenticator app, then enter a code to confirm.";
    case "lookup_secret":
      return s.backupCodes === "active"
        ? "Set up: each code works once if you lose your other factors."
        : s.backupCodes === "unconfirmed"
          ? "Save these codes somewhere safe, then confirm below. They are not active until you do."
          : "Not set up. Backup codes let you in when your other factors are not at hand.";
    case "webauthn":
      return s.securityKeys
        ? `${s.securityKeys} security key${s.securityKeys > 1 ? "s" : ""} registered.`
        : "No security key registered.";
    case "passkey":
      return s.passkeys
        ? `${s.passkeys} passkey${s.passkeys > 1 ? "s" : ""} registered.`
        : "No passkey registered.";
    default:
      return undefined;
  }
}
