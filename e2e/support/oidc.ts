// The test stacks' local OpenID provider, as Kratos knows it (features/oidc/stack.mjs, LOCAL_OIDC):
// "Local Mail" stands for a provider that hosts its users' mailboxes (listed in
// OIDC_MAILBOX_PROVIDERS), "Local SSO" for one that does not.
import type { Page } from "@playwright/test";
import { pagesOf } from "../pages";

export interface OidcProvider {
  /** Kratos's id of the provider (the `provider` of an `oidc` AMR entry). */
  id: string;
  /** The provider's name on the app's buttons. */
  label: string;
}

export const MAIL: OidcProvider = { id: "local", label: "Local Mail" };
export const SSO: OidcProvider = { id: "local-sso", label: "Local SSO" };

/** Signs in (or up) with a provider from the login page, through the provider's own pages. */
export async function signInWithProvider(page: Page, provider: OidcProvider, email: string): Promise<void> {
  const { login, oidcProvider } = pagesOf(page);
  await login.startWithProvider(provider.label);
  await oidcProvider.signInAndAllow(email);
}
