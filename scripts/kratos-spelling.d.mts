/** What Kratos v1.3.1 looks up for one string, per credential type whose lookup normalises. */
export interface KratosSpelling {
  password: string;
  code: string;
  webauthn: string;
}

export const SPELLING_MODULE: string;
export function spellingOracleMissing(): string | null;
export function ensureSpellingOracle(opts?: { log?: (line: string) => void }): Promise<string>;
export function askKratosSpelling(binary: string, inputs: readonly string[]): Promise<KratosSpelling[]>;
