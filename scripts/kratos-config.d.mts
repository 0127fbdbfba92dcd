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
  /** brand/brand.mjs: its `kratos` names and mail sender go into the overlay. */
  brand: Pick<Brand, "kratos">;
  /** Kratos's `selfservice.flows.login.style` (default `unified`). */
  loginStyle?: "unified" | "identifier_first";
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
    };
    flows: Record<
      string,
      { ui_url?: string; style?: string; after?: { default_browser_return_url: string } }
    >;
  };
  identity: { schemas: { id: string; url: string }[] };
  courier: { smtp: { connection_uri?: string; from_address: string; from_name: string } };
  secrets: { cookie: string[]; cipher: string[]; default: string[] };
  hashers?: { bcrypt: { cost: number } };
}

export function kratosOverlay(opts: OverlayOptions): KratosOverlay;
