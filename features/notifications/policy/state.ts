// What the feature remembers of an identity, in its metadata_admin under "notifications" (the
// webhook's identity has no metadata_admin: it is read and written with the admin API). Pure.
import { readSummary, type CredentialSummary } from "@/features/notifications/policy/credentialChanges";
import { MAX_KNOWN_DEVICES } from "@/features/notifications/policy/device";

export interface NotificationState {
  /** Device keys this account has signed in or registered from (policy/device.ts). */
  devices?: string[];
  credentials?: CredentialSummary;
  /** The owner's language, from the owner's own actions (registration, settings, recovery). */
  locale?: "en" | "de";
}

export const STATE_KEY = "notifications";

/** The state kept in an identity's metadata_admin; anything malformed is left out. */
export function readState(metadataAdmin: unknown): NotificationState {
  const raw =
    metadataAdmin && typeof metadataAdmin === "object"
      ? (metadataAdmin as Record<string, unknown>)[STATE_KEY]
      : undefined;
  if (!raw || typeof raw !== "object") return {};
  const r = raw as Record<string, unknown>;
  const devices = Array.isArray(r.devices)
    ? r.devices.filter((d): d is string => typeof d === "string").slice(-MAX_KNOWN_DEVICES)
    : undefined;
  return {
    ...(devices ? { devices } : {}),
    ...(readSummary(r.credentials) ? { credentials: readSummary(r.credentials) } : {}),
    ...(r.locale === "en" || r.locale === "de" ? { locale: r.locale } : {}),
  };
}

/**
 * The JSON Patch that stores `state` and leaves the rest of metadata_admin as it is (other parts
 * of the app may keep theirs there).
 */
export function statePatch(metadataAdmin: unknown, state: NotificationState): object[] {
  if (metadataAdmin && typeof metadataAdmin === "object" && !Array.isArray(metadataAdmin))
    return [{ op: "add", path: `/metadata_admin/${STATE_KEY}`, value: state }];
  return [{ op: "add", path: "/metadata_admin", value: { [STATE_KEY]: state } }];
}
