import * as OTPAuth from "otpauth";

/** The current TOTP code for a base32 secret, as an authenticator app would show it. */
export function totpCode(secret: string): string {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret.replace(/\s+/g, "")),
    digits: 6,
    period: 30,
  }).generate();
}
