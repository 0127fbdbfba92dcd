// The Kratos self-service flows the app renders, each on its own page.
import type {
  LoginFlow,
  RecoveryFlow,
  RegistrationFlow,
  SettingsFlow,
  VerificationFlow,
} from "@ory/client-fetch";

export type FlowKind = "login" | "registration" | "recovery" | "verification" | "settings";

export interface FlowByKind {
  login: LoginFlow;
  registration: RegistrationFlow;
  recovery: RecoveryFlow;
  verification: VerificationFlow;
  settings: SettingsFlow;
}
