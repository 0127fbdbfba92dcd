export interface Brand {
  name: string;
  shortName: string;
  logo: string;
  kratos: {
    totpIssuer: string;
    webauthnDisplayName: string;
    mailFrom: { name: string; address: string };
  };
  colors: { light: Record<string, string>; dark: Record<string, string> };
  radius: { card: string; control: string };
  font: { body: string; code: string };
}

export declare const BRAND: Brand;
