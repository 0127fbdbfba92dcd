// The brand: the one file a rebrand edits (with brand/logo.svg for the logo). Plain data in a
// module, so that comments fit and the stack scripts read it without a build.
//
// What reads it:
// - next.config.ts writes public/theme.css (the tokens below as CSS variables) and
//   public/logo.svg (from `logo`) on every `next dev`/`build`/`start`; both are generated
//   and gitignored. The app's stylesheet and the 503 page (served without React) use them.
// - lib/i18n/catalogs.ts fills `{product}` in every catalog message with `name`.
// - app/layout.tsx: the <title> (`name`, and `shortName` after a page's own title), the
//   header's text, the favicon.
// - scripts/kratos-config.mjs puts the Kratos values below into the overlay the stacks pass
//   Kratos (docs/deploy.md lists them for a Kratos of your own).
// test/brand.test.ts fails when the product name appears anywhere else in the repository.

const name = "Kratos BFF Reference";

/** @type {import("./brand.d.mts").Brand} */
export const BRAND = {
  name,
  /** Where space is short: the header, after a page's title in the browser tab. */
  shortName: "BFF Reference",
  /** A file in this folder (SVG): the header's logo and the favicon. */
  logo: "logo.svg",

  kratos: {
    /** The account's label in authenticator apps (the otpauth:// URI's issuer). */
    totpIssuer: name,
    /** The name browsers and security keys show when creating a passkey or security key. */
    webauthnDisplayName: name,
    /** The sender of every email Kratos sends (codes, verification, recovery). */
    mailFrom: { name, address: "no-reply@kratos-bff-reference.local" },
  },

  // Colours, light and dark, as CSS values. Every colour needs both; text colours keep WCAG AA
  // contrast (4.5:1) on the backgrounds they are used on (the axe tests check both schemes).
  // app/globals.css maps each to a Tailwind token (`--brand` is `bg-brand`…).
  colors: {
    light: {
      brand: "#4f46e5", // primary buttons
      "brand-hover": "#4338ca",
      "on-brand": "#ffffff", // text on brand
      link: "#4338ca",
      focus: "#f59e0b", // the keyboard focus ring

      canvas: "#f8fafc", // page background
      surface: "#ffffff", // cards, header
      "surface-muted": "#f1f5f9", // code blocks, backup codes
      field: "#ffffff", // inputs
      text: "#0f172a",
      "text-muted": "#475569",
      line: "#e2e8f0", // dividers, card borders
      "line-strong": "#cbd5e1", // input and button borders

      danger: "#b91c1c",
      "danger-soft": "#fef2f2",
      "danger-line": "#fca5a5",
      "info-soft": "#f0f9ff",
      "info-line": "#7dd3fc",
      "success-soft": "#ecfdf5",
      "success-line": "#6ee7b7",
    },
    dark: {
      brand: "#4f46e5",
      "brand-hover": "#6366f1",
      "on-brand": "#ffffff",
      link: "#a5b4fc",
      focus: "#fbbf24",

      canvas: "#020617",
      surface: "#0f172a",
      "surface-muted": "#1e293b",
      field: "#020617",
      text: "#f1f5f9",
      "text-muted": "#94a3b8",
      line: "#1e293b",
      "line-strong": "#334155",

      danger: "#fca5a5",
      "danger-soft": "#450a0a",
      "danger-line": "#991b1b",
      "info-soft": "#082f49",
      "info-line": "#075985",
      "success-soft": "#022c22",
      "success-line": "#065f46",
    },
  },
  /** Corner radii: cards, and controls (inputs, buttons). */
  radius: { card: "1rem", control: "0.5rem" },
  /** Font stacks: body text, and codes (backup codes, the TOTP key). */
  font: {
    body: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    code: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  },
};
