import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // `npm test` builds into its own folder so it can run while `npm run dev` is up.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
