// What one hook call means: the events to mail, the state to store, the reader's language. Pure.
import { credentialChanges, type CredentialSummary } from "@/features/notifications/policy/credentialChanges";
import { decideDevice, deviceKey } from "@/features/notifications/policy/device";
import type { HookCall, SecurityEvent } from "@/features/notifications/policy/events";
import type { NotificationState } from "@/features/notifications/policy/state";

export interface Decision {
  events: SecurityEvent[];
  state: NotificationState;
  locale: "en" | "de";
}

/**
 * `state` is what metadata_admin held before, `now` the identity's credentials now, `actorLocale`
 * the language of the request (cookie, else Accept-Language). The owner's language is learnt from
 * their own actions; a sign-in (maybe someone else's) is told in the language stored before.
 */
export function decideHook(
  call: HookCall,
  state: NotificationState,
  now: CredentialSummary,
  actorLocale: "en" | "de",
): Decision {
  const key = deviceKey(call.userAgent);
  switch (call.trigger.flow) {
    case "registration":
      return {
        events: [],
        state: { devices: [key], credentials: now, locale: actorLocale },
        locale: actorLocale,
      };
    case "login": {
      const d = decideDevice(state.devices, key);
      const locale = state.locale ?? actorLocale;
      return {
        events: d.alert ? [{ type: "new_device_sign_in" }] : [],
        state: { ...state, devices: d.known, credentials: state.credentials ?? now, locale },
        locale,
      };
    }
    case "recovery": {
      // Whoever recovered proved the mailbox, not that they are its owner: keep the stored language.
      const locale = state.locale ?? actorLocale;
      return { events: [{ type: "recovery_used" }], state: { ...state, credentials: now, locale }, locale };
    }
    case "settings":
      return {
        events: credentialChanges(call.trigger.method, state.credentials, now),
        state: { ...state, credentials: now, locale: actorLocale },
        locale: actorLocale,
      };
  }
}
