// Where screenshots go. The README's pictures in docs/screenshots/ are tracked, so a normal
// test run must not rewrite them: they are written there only when asked for
// (`npm run screenshots`, i.e. SCREENSHOTS=1), otherwise into the ignored test-results/.
import path from "node:path";

const DIR =
  process.env.SCREENSHOTS === "1"
    ? path.join(__dirname, "..", "..", "docs", "screenshots")
    : path.join(__dirname, "..", "..", "test-results", "screenshots");

export function screenshotPath(name: string): string {
  return path.join(DIR, `${name}.png`);
}
