import path from "node:path";
import { defineConfig } from "vitest/config";

const integration = { include: ["**/*.int.test.ts"], testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests load server modules outside Next, which otherwise swaps in this empty module itself.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    exclude: ["**/node_modules/**", "e2e/**", ".next*/**", ".data/**"],
    // Each PGlite costs ~670 MB and a core; two workers fit the 2-core machine.
    maxWorkers: 2,
    // A worker keeps the modules it imported for its next file: importing the server's modules
    // afresh for every file took longer than the tests themselves. A file that needs a module to
    // read a changed environment imports it after `vi.resetModules()`.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**", "e2e/**"],
        },
      },
      // Integration tests always run on embedded PGlite, and also on the server in DATABASE_URL.
      {
        extends: true,
        test: { ...integration, name: "integration:pglite", env: { TEST_DB: "pglite" } },
      },
      ...(process.env.DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                ...integration,
                name: "integration:postgres",
                env: { TEST_DB: "postgres" },
              },
            },
          ]
        : []),
    ],
  },
});
