export interface TestsslFinding {
  id: string;
  severity: string;
  finding: string;
}

export function judgeTestssl(findings: TestsslFinding[]): string[];

export function findTestssl(): string | undefined;

export function auditTls(opts: {
  appUrl: string;
  ca: Buffer;
  log?: (line: string) => void;
}): Promise<{ problems: string[]; seconds: number; report?: string }>;
