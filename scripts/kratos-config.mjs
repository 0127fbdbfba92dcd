// Builds the environment-dependent half of the Kratos config (the overlay passed as a
// second `-c` after kratos/kratos.yml), with the brand's part of it (brand/brand.mjs: the TOTP
// issuer, the WebAuthn and passkey display name, the mail sender) and the login style
// (LOGIN_STYLE, scripts/profiles.mjs). Pure: takes the stack's
// addresses and the brand, returns an object. A selected feature adds its fragment on top
// (features/<name>/stack.mjs `kratos`).
import path from "node:path";

export function kratosOverlay({
  appUrl,
  publicPort,
  adminPort,
  smtpPort,
  dataDir,
  schemaPath,
  secrets,
  bcryptCost,
  brand,
  loginStyle = "unified",
}) {
  const app = new URL(appUrl);
  const origin = app.origin;
  const page = (p) => `${origin}${p}`;
  const rp = { id: app.hostname, origins: [origin], display_name: brand.kratos.webauthnDisplayName };
  return {
    // One connection (as Kratos's own SQLite tests run it): concurrent requests queue for the
    // database instead of failing with "database is locked", which pop does not retry when
    // the error is wrapped. SQLite is the embedded default for dev and tests, not production.
    dsn: `sqlite://${path.join(dataDir, "kratos.sqlite")}?_fk=true&mode=rwc&max_conns=1&lock=false&_journal_mode=WAL`,
    serve: {
      public: { port: publicPort, base_url: `${origin}/api/kratos/` },
      admin: { port: adminPort, base_url: `http://127.0.0.1:${adminPort}/` },
    },
    selfservice: {
      default_browser_return_url: page("/"),
      allowed_return_urls: [origin],
      methods: {
        totp: { config: { issuer: brand.kratos.totpIssuer } },
        webauthn: { config: { rp } },
        passkey: { config: { rp } },
      },
      flows: {
        error: { ui_url: page("/error") },
        settings: { ui_url: page("/settings") },
        recovery: { ui_url: page("/recovery") },
        verification: { ui_url: page("/verification"), after: { default_browser_return_url: page("/") } },
        logout: { after: { default_browser_return_url: page("/login") } },
        login: { ui_url: page("/login"), style: loginStyle },
        registration: { ui_url: page("/registration") },
      },
    },
    identity: { schemas: [{ id: "default", url: `file://${schemaPath}` }] },
    courier: {
      smtp: {
        connection_uri: `smtp://127.0.0.1:${smtpPort}/?disable_starttls=true`,
        from_address: brand.kratos.mailFrom.address,
        from_name: brand.kratos.mailFrom.name,
      },
    },
    secrets: {
      cookie: [secrets.kratosCookie],
      cipher: [secrets.kratosCipher],
      default: [secrets.kratosDefault],
    },
    ...(bcryptCost ? { hashers: { bcrypt: { cost: bcryptCost } } } : {}),
  };
}
