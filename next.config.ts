import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The e2e server builds into its own folder so it can run beside `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its WebAssembly and data files from its own package folder.
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: { authInterrupts: true },
  typedRoutes: false,
  // `npm run dev` builds without next's own type check (a minute on 2 cores): `npm run typecheck`
  // and CI check the same sources.
  typescript: { ignoreBuildErrors: process.env.REKINDLE_BUILD_TYPECHECK === "0" },
};

export default nextConfig;
