import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";
import { clientImports } from "./lint/client-imports.mjs";

/** Frameworks the engine must not know: it runs the same under Next, Inngest, tests and tsx. */
const frameworks = [
  "next",
  "next/*",
  "react",
  "react/*",
  "react-dom",
  "react-dom/*",
  "@trpc/*",
  "next-auth",
  "next-auth/*",
  "inngest",
  "inngest/*",
  "@inngest/*",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    // Every build folder (NEXT_DIST_DIR): .next, .next-e2e, .next-prod, …
    ".next*/**",
    ".data/**",
    "next-env.d.ts",
    "playwright-report/**",
    "test-results/**",
  ]),
  {
    // An update or delete without a where clause would touch every tenant's rows.
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits is a transaction or a send that fails unseen.
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // Providers, mocks and route handlers are async by contract even when nothing inside waits.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Tests read response bodies as `any` (`await res.json()`); the assertions check their shape.
    files: ["**/*.test.ts", "test/**", "e2e/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  {
    // The database layer sits below the domain: server/ uses db/, never the other way round.
    // Types are allowed (a jsonb column takes its type from the domain's validator; nothing is
    // left at run time), and so is the validated environment, a leaf every layer reads.
    files: ["db/**/*.ts"],
    ignores: ["db/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/(?!server/env$)|(\\.\\./)+)(server|app|components|inngest)/",
              allowTypeImports: true,
              message: "db/ must not import server/, app/, components/ or inngest/.",
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is plain TypeScript over the database: Next, tRPC, next-auth and Inngest call it.
    files: ["server/engine/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: frameworks,
              message: "server/engine/ must not depend on a framework: its callers adapt it.",
            },
            {
              regex: "^(@/(server/api|app|components|inngest)|(\\.\\./)+api)(/|$)",
              message: "server/engine/ must not import server/api/, app/, components/ or inngest/.",
            },
          ],
        },
      ],
    },
  },
  {
    // A "use client" module ships to the browser: from the server it may take only types and
    // the pure modules listed in lint/client-imports.mjs.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    plugins: { rekindle: { rules: { "client-imports": clientImports } } },
    rules: { "rekindle/client-imports": "error" },
  },
  {
    // Plain JavaScript is outside tsconfig: no type information to lint with.
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
]);
