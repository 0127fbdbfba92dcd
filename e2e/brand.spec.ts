// The brand is one file (brand/brand.mjs). Its theme becomes CSS variables that decide the app's
// look: laying other values over the app changes it, and the 503 page (served without React)
// reads the same variables. Its names reach the page title and header, and Kratos: the
// authenticator app's issuer, the passkey prompt and the mail sender.
// Makes docs/fork-it.md's before/after pair (docs/screenshots/brand-*.png with SCREENSHOTS=1).
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { BRAND } from "../brand/brand.mjs";
import { pagesOf } from "./pages";
import { totpUrlOf } from "./support/credentials";
import { requires } from "./support/env";
import { SUBJECTS, waitForEmail } from "./support/mail";
import { screenshotPath } from "./support/screenshots";
import { enableTotp } from "./support/totp";
import { newUser, registerAndLogin } from "./support/users";
import { addVirtualAuthenticator } from "./support/webauthn";

const EXAMPLE = readFileSync(path.join(__dirname, "..", "docs", "brand-example.css"), "utf8");

/** A #rrggbb colour as the browser computes it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

test("the theme variables decide the app's colours, radius and font", { tag: "@brand" }, async ({ page }) => {
  const { registration } = pagesOf(page);
  await page.emulateMedia({ colorScheme: "light" });
  await registration.open();
  const submit = registration.signUpButton;
  await expect(submit).toHaveCSS("background-color", rgb(BRAND.colors.light.brand!));
  await page.screenshot({ path: screenshotPath("brand-before"), fullPage: true });

  await page.addStyleTag({ content: EXAMPLE });
  await expect(submit).toHaveCSS("background-color", "rgb(15, 118, 110)");
  await expect(submit).toHaveCSS("border-radius", /^(9999|1\.67772e\+07)px$/);
  await expect(page.locator("body")).toHaveCSS("background-color", "rgb(253, 246, 236)");
  await expect(page.locator("body")).toHaveCSS("font-family", /Georgia/);
  await page.screenshot({ path: screenshotPath("brand-after"), fullPage: true });
});

test("the 503 page uses the same theme, light and dark", { tag: "@brand" }, async ({ page }) => {
  const { unavailable } = pagesOf(page);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await unavailable.open("/");
    await expect(unavailable.title).toBeVisible();
    await expect(page.locator("body")).toHaveCSS("background-color", rgb(BRAND.colors[scheme].canvas!));
  }
});

test(
  "the brand's names: page title and header, the authenticator app's issuer, the mail sender",
  { tag: ["@brand", "@admin"] },
  async ({ page }) => {
    requires("admin");
    const { home } = pagesOf(page);
    await home.open();
    await expect(page).toHaveTitle(BRAND.name);
    await expect(home.brandLink(BRAND.shortName)).toBeVisible();
    await expect(home.welcome).toHaveText(`Welcome to ${BRAND.name}`);

    const since = new Date();
    const user = await registerAndLogin(page, "brand");
    const mail = await waitForEmail(user.email, SUBJECTS.verification, since);
    expect(mail.from).toEqual({ name: BRAND.kratos.mailFrom.name, address: BRAND.kratos.mailFrom.address });

    await enableTotp(page, user);
    const otpauth = await totpUrlOf(user.email);
    expect(otpauth.protocol).toBe("otpauth:");
    expect(otpauth.searchParams.get("issuer")).toBe(BRAND.kratos.totpIssuer);
    // The label is `issuer:account` (the account is the identity's id in Kratos v1.3.1).
    const label = decodeURIComponent(otpauth.pathname);
    expect(label.startsWith(`/${BRAND.kratos.totpIssuer}:`), label).toBe(true);
  },
);

test("a new passkey is created under the brand's name", { tag: "@brand" }, async ({ page }) => {
  // Notes what the page asks the browser for (the relying party's name), then lets it proceed.
  await page.addInitScript(() => {
    const create = navigator.credentials.create.bind(navigator.credentials);
    navigator.credentials.create = (options) => {
      sessionStorage.setItem("rp.name", options?.publicKey?.rp.name ?? "");
      return create(options);
    };
  });
  const authenticator = await addVirtualAuthenticator(page, { residentKey: true });
  const { registration } = pagesOf(page);
  await registration.open();
  await registration.signUpWithPasskey(newUser("brandpasskey").email);
  expect(await authenticator.credentialCount()).toBe(1);
  expect(await page.evaluate(() => sessionStorage.getItem("rp.name"))).toBe(BRAND.kratos.webauthnDisplayName);
});
