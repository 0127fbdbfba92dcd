// A small page without React, for answers given outside the app's rendering (Kratos down,
// a request refused before Next routes it). Its colours come from the brand file
// (brand/brand.mjs), served as /theme.css.

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `title` is text; `body` and `head` are HTML the caller has escaped; `lang` the page's language. */
export function plainPage({
  title,
  body,
  head = "",
  lang = "en",
}: {
  title: string;
  body: string;
  head?: string;
  lang?: string;
}): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${head}<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/theme.css">
<style>body{font-family:var(--font-body,system-ui,sans-serif);max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:var(--text);background:var(--canvas)}
a{color:var(--link)}a:focus-visible{outline:3px solid var(--focus);outline-offset:2px}</style></head>
<body><main>${body}</main></body></html>`;
}
