// The files the brand (brand/brand.mjs) becomes, for what is served as a static file: the
// theme's CSS variables (public/theme.css, which app/globals.css imports and the 503 page
// links) and the logo (public/logo.svg). next.config.ts writes them on every `next dev`,
// `next build` and `next start`, so they are never stale and never committed (.gitignore).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BRAND } from "../brand/brand.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const block = (vars) =>
  Object.entries(vars)
    .map(([name, value]) => `  --${name}: ${value};`)
    .join("\n");

/** The theme as CSS variables: light on :root, dark under prefers-color-scheme. Pure. */
export function themeCss(brand = BRAND) {
  const { light, dark } = brand.colors;
  const unpaired = [
    ...Object.keys(light).filter((k) => !(k in dark)),
    ...Object.keys(dark).filter((k) => !(k in light)),
  ];
  if (unpaired.length > 0) {
    throw new Error(`brand/brand.mjs: colours need a light and a dark value: ${unpaired.join(", ")}`);
  }
  const shared = {
    "card-radius": brand.radius.card,
    "control-radius": brand.radius.control,
    "font-body": brand.font.body,
    "font-code": brand.font.code,
  };
  return `/* Generated from brand/brand.mjs by next.config.ts (scripts/brand-assets.mjs). Edit the brand file. */
:root {
${block({ ...light, ...shared })}
}

@media (prefers-color-scheme: dark) {
  :root {
${block(dark).replace(/^/gm, "  ")}
  }
}
`;
}

/** Writes a file only when its content changes (no needless reloads), and whole (rename). */
function writeIfChanged(file, content) {
  if (existsSync(file) && readFileSync(file, "utf8") === content) return;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

/** Writes public/theme.css and public/logo.svg from the brand. */
export function writeBrandAssets(brand = BRAND, dir = root) {
  mkdirSync(path.join(dir, "public"), { recursive: true });
  writeIfChanged(path.join(dir, "public", "theme.css"), themeCss(brand));
  writeIfChanged(
    path.join(dir, "public", "logo.svg"),
    readFileSync(path.join(dir, "brand", brand.logo), "utf8"),
  );
}
