// The brand is one file (public/theme.css): laying other values of its variables over the
// app changes the app, and the 503 page (served without React) reads the same file.
// Makes docs/fork-it.md's before/after pair (docs/screenshots/brand-*.png with SCREENSHOTS=1).
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pagesOf } from "./pages";
import { screenshotPath } from "./support/screenshots";

const EXAMPLE = readFileSync(path.join(__dirname, "..", "docs", "brand-example.css"), "utf8");

test("the theme variables decide the app's colours, radius and font", { tag: "@brand" }, async ({ page }) => {
  const { registration } = pagesOf(page);
  await page.emulateMedia({ colorScheme: "light" });
  await registration.open();
  const submit = registration.signUpButton;
  await expect(submit).toHaveCSS("background-color", "rgb(79, 70, 229)");
  await page.screenshot({ path: screenshotPath("brand-before"), fullPage: true });

  await page.addStyleTag({ content: EXAMPLE });
  await expect(submit).toHaveCSS("background-color", "rgb(15, 118, 110)");
  await expect(submit).toHaveCSS("border-radius", /^(9999|1\.67772e\+07)px$/);
  await expect(page.locator("body")).toHaveCSS("background-color", "rgb(253, 246, 236)");
  await expect(page.locator("body")).toHaveCSS("font-family", /Georgia/);
  await page.screenshot({ path: screenshotPath("brand-after"), fullPage: true });
});

test("the 503 page uses the same theme file, light and dark", { tag: "@brand" }, async ({ page }) => {
  const { unavailable } = pagesOf(page);
  for (const [scheme, canvas] of [
    ["light", "rgb(248, 250, 252)"],
    ["dark", "rgb(2, 6, 23)"],
  ] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await unavailable.open("/");
    await expect(unavailable.title).toBeVisible();
    await expect(page.locator("body")).toHaveCSS("background-color", canvas);
  }
});
