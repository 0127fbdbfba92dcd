import { describe, expect, it } from "vitest";
import { kratosOverlay } from "../scripts/kratos-config.mjs";

const base = {
  appUrl: "http://localhost:3100",
  publicPort: 4533,
  adminPort: 4534,
  smtpPort: 1125,
  dataDir: "/data/test",
  schemaPath: "/repo/kratos/identity.schema.json",
  secrets: { kratosCookie: "c".repeat(64), kratosCipher: "x".repeat(32), kratosDefault: "d".repeat(64) },
  brand: {
    kratos: {
      totpIssuer: "Acme Issuer",
      webauthnDisplayName: "Acme Keys",
      mailFrom: { name: "Acme Mail", address: "hello@acme.test" },
    },
  },
};

describe("kratosOverlay", () => {
  const o = kratosOverlay(base);

  it("points Kratos's public base URL at the app's BFF prefix", () => {
    expect(o.serve.public.base_url).toBe("http://localhost:3100/api/kratos/");
    expect(o.serve.public.port).toBe(4533);
  });

  it("sends every flow to the app's own pages and allows only the app as return_to", () => {
    for (const [flow, page] of Object.entries({
      login: "/login",
      registration: "/registration",
      recovery: "/recovery",
      verification: "/verification",
      settings: "/settings",
      error: "/error",
    })) {
      expect(o.selfservice.flows[flow]?.ui_url).toBe(`http://localhost:3100${page}`);
    }
    expect(o.selfservice.allowed_return_urls).toEqual(["http://localhost:3100"]);
  });

  it("binds WebAuthn and passkeys to the app's host and origin, under the brand's name", () => {
    for (const m of ["webauthn", "passkey"] as const) {
      expect(o.selfservice.methods[m].config.rp).toEqual({
        id: "localhost",
        origins: ["http://localhost:3100"],
        display_name: "Acme Keys",
      });
    }
  });

  it("names the TOTP issuer and the mail sender after the brand", () => {
    expect(o.selfservice.methods.totp.config.issuer).toBe("Acme Issuer");
    expect(o.courier.smtp).toMatchObject({ from_name: "Acme Mail", from_address: "hello@acme.test" });
  });

  it("keeps SQLite, SMTP and the schema local, and passes the secrets", () => {
    expect(o.dsn).toMatch(/^sqlite:\/\/\/data\/test\/kratos\.sqlite\?/);
    expect(o.courier.smtp.connection_uri).toBe("smtp://127.0.0.1:1125/?disable_starttls=true");
    expect(o.identity.schemas[0]?.url).toBe("file:///repo/kratos/identity.schema.json");
    expect(o.secrets.cipher[0]).toHaveLength(32);
  });

  it("sets the bcrypt cost only when asked", () => {
    expect(o.hashers).toBeUndefined();
    expect(kratosOverlay({ ...base, bcryptCost: 4 }).hashers?.bcrypt.cost).toBe(4);
  });

  it("writes the login style, Kratos's default unless asked", () => {
    expect(o.selfservice.flows.login?.style).toBe("unified");
    const first = kratosOverlay({ ...base, loginStyle: "identifier_first" });
    expect(first.selfservice.flows.login?.style).toBe("identifier_first");
  });
});
