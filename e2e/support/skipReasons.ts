// A reporter that lists the skipped tests at the end of the run, grouped by reason: the list
// reporter shows a skipped test without saying why, and against a deployment that does not
// expose everything, why is what the reader wants to know.
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

export default class SkipReasons implements Reporter {
  private readonly byReason = new Map<string, string[]>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== "skipped") return;
    const skip = [...result.annotations, ...test.annotations].find((a) => a.type === "skip");
    // A test of a project whose dependency failed is skipped with no annotation.
    const reason = skip?.description ?? "not run (no reason given)";
    const [, , ...titles] = test.titlePath(); // without the root and the project
    const tests = this.byReason.get(reason) ?? [];
    tests.push(titles.join(" › "));
    this.byReason.set(reason, tests);
  }

  onEnd(): void {
    if (!this.byReason.size) return;
    const total = [...this.byReason.values()].reduce((n, t) => n + t.length, 0);
    const lines = [`\n${total} skipped:`];
    for (const [reason, tests] of this.byReason) {
      lines.push(`  ${reason} (${tests.length}):`);
      for (const t of tests) lines.push(`    - ${t}`);
    }
    console.log(lines.join("\n"));
  }

  printsToStdio(): boolean {
    return true;
  }
}
