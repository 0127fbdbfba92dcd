// A virtual authenticator through the Chrome DevTools Protocol: real WebAuthn ceremonies in
// real Chromium, with no hardware.
import type { Page } from "@playwright/test";

export async function addVirtualAuthenticator(page: Page, opts: { residentKey: boolean }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: opts.residentKey ? "internal" : "usb",
      hasResidentKey: opts.residentKey,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    async credentialCount(): Promise<number> {
      const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
      return credentials.length;
    },
  };
}
