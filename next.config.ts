import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The e2e server builds into its own folder so it can run beside `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its WebAssembly and data files from its own package folder.
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: { authInterrupts: true },
  typedRoutes: false,
};

export default nextConfig;
