import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { writeBrandAssets } from "./scripts/brand-assets.mjs";

// public/theme.css and public/logo.svg are made from the brand file (brand/brand.mjs) here,
// where every `next dev`, `next build` and `next start` passes, before anything is compiled
// or served; unchanged files are left alone.
writeBrandAssets();

const nextConfig: NextConfig = {
  // `npm test` builds into its own folder so it can run while `npm run dev` is up.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run build:standalone` makes the deployable server (docs/deploy.md); plain builds
  // stay `next start`-able for the local stacks.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
};

// The language of each request and its catalog: lib/i18n/request.ts.
export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
