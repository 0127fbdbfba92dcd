// Page objects: every selector of the app's pages lives in one of these files, so renaming a
// button means editing one of them. Selectors are by role and accessible name (English, the
// default locale); Kratos's messages and methods by their ids and group names.
import type { Page } from "@playwright/test";
import { ElementsPage } from "./ElementsPage";
import { ErrorPage } from "./ErrorPage";
import { HomePage } from "./HomePage";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { LoginPage } from "./LoginPage";
import { OidcProviderPage } from "./OidcProviderPage";
import { RecoveryPage } from "./RecoveryPage";
import { RegistrationPage } from "./RegistrationPage";
import { SecureAccountPage } from "./SecureAccountPage";
import { SessionPage } from "./SessionPage";
import { SettingsPage } from "./SettingsPage";
import { StepUpPage } from "./StepUpPage";
import { UnavailablePage } from "./UnavailablePage";
import { VerificationPage } from "./VerificationPage";

export function pagesOf(page: Page) {
  return {
    home: new HomePage(page),
    login: new LoginPage(page),
    registration: new RegistrationPage(page),
    verification: new VerificationPage(page),
    recovery: new RecoveryPage(page),
    secureAccount: new SecureAccountPage(page),
    stepUp: new StepUpPage(page),
    settings: new SettingsPage(page),
    session: new SessionPage(page),
    unavailable: new UnavailablePage(page),
    error: new ErrorPage(page),
    elements: new ElementsPage(page),
    language: new LanguageSwitcher(page),
    oidcProvider: new OidcProviderPage(page),
  };
}

export type AppPages = ReturnType<typeof pagesOf>;
