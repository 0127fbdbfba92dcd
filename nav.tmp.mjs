import { chromium } from "@playwright/test";
const url = process.argv[2] || "http://localhost:3000/registration";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage();
if (process.env.TRACE) await page.addInitScript(() => {
  for (const m of ["pushState", "replaceState"]) {
    const orig = history[m];
    history[m] = function (...a) {
      console.log(`history.${m} url=${a[2]} state=${JSON.stringify(a[0])?.slice(0,200)}\n${new Error().stack.split("\n").slice(2,10).join("\n")}`);
      return orig.apply(this, a);
    };
  }
  if (window.navigation) navigation.addEventListener("navigate", (e) => console.log(`navigate type=${e.navigationType} sameDoc=${e.destination.sameDocument} url=${e.destination.url}`));
  addEventListener("beforeunload", () => console.log("beforeunload"));
});
const t0 = Date.now();
const ts = () => ((Date.now() - t0) / 1000).toFixed(2);
let navs = 0;
let docLoads = 0;
page.on("domcontentloaded", () => { docLoads++; console.log(`[${ts()}] DOMContentLoaded (new document)`); });
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
console.log(`document loads: ${docLoads}`);
await browser.close();
