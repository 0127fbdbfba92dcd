import type { Brand } from "../brand/brand.mjs";

export interface OverlayOptions {
  appUrl: string;
  publicPort: number;
  adminPort: number;
  smtpPort: number;
  dataDir: string;
  schemaPath: string;
  secrets: { kratosCookie: string; kratosCipher: string; kratosDefault: string };
  bcryptCost?: number;
  oidcProviders?: OidcProviderOptions[];
  /** UI_KIT: "elements" points the flows' ui_urls at /elements/… */
  uiKit?: "ui" | "elements";
  /** brand/brand.mjs: its `kratos` names and mail sender go into the overlay. */
  brand: Pick<Brand, "kratos">;
}

export interface OidcProviderOptions {
  id: string;
  label: string;
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  mapperPath: string;
}

export interface OidcProviderConfig {
  id: string;
  provider: "generic";
  label: string;
  client_id: string;
  client_secret: string;
  issuer_url: string;
  mapper_url: string;
  scope: string[];
}

interface RelyingParty {
  id: string;
  origins: string[];
  display_name: string;
}

export interface KratosOverlay {
  dsn: string;
  serve: { public: { port: number; base_url: string }; admin: { port: number; base_url: string } };
  selfservice: {
    default_browser_return_url: string;
    allowed_return_urls: string[];
    methods: {
      totp: { config: { issuer: string } };
      webauthn: { config: { rp: RelyingParty } };
      passkey: { config: { rp: RelyingParty } };
      oidc?: { enabled: true; config: { providers: OidcProviderConfig[] } };
    };
    flows: Record<string, { ui_url?: string; after?: { default_browser_return_url: string } }>;
  };
  identity: { schemas: { id: string; url: string }[] };
  courier: { smtp: { connection_uri?: string; from_address: string; from_name: string } };
  secrets: { cookie: string[]; cipher: string[]; default: string[] };
  hashers?: { bcrypt: { cost: number } };
}

export function kratosOverlay(opts: OverlayOptions): KratosOverlay;
