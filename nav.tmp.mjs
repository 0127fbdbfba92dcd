import { chromium } from "@playwright/test";
const url = process.argv[2] || "http://localhost:3000/registration";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage();
const t0 = Date.now();
const ts = () => ((Date.now() - t0) / 1000).toFixed(2);
let navs = 0;
page.on("framenavigated", (f) => {
  if (f === page.mainFrame()) { navs++; console.log(`[${ts()}] NAV ${f.url()}`); }
});
page.on("console", (m) => console.log(`[${ts()}] console.${m.type()}: ${m.text()}`));
page.on("pageerror", (e) => console.log(`[${ts()}] pageerror: ${e.message}`));
if (process.env.VERBOSE) {
  page.on("request", (r) => console.log(`[${ts()}] req ${r.method()} ${r.resourceType()} ${r.url()}`));
  page.on("websocket", (ws) => {
    console.log(`[${ts()}] ws ${ws.url()}`);
    ws.on("framereceived", (f) => console.log(`[${ts()}] ws< ${String(f.payload).slice(0, 300)}`));
    ws.on("framesent", (f) => console.log(`[${ts()}] ws> ${String(f.payload).slice(0, 300)}`));
    ws.on("close", () => console.log(`[${ts()}] ws closed`));
  });
}
await page.goto(url);
await page.waitForTimeout(6000);
console.log(`navigations: ${navs}`);
await browser.close();
