import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The rules that keep habits are only as good as their config: each snippet below must trip
// (or pass) exactly the rule named, linted in place of an existing file (type-aware rules only
// lint files the TypeScript project knows).
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function ruleIds(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const floating = `
export async function save(): Promise<void> {}
export function handler() {
  save();
}
`;

// Building the type-checked program takes a while on a busy machine.
describe("lint config", { timeout: 300_000 }, () => {
  it("fails on a floating promise and on a promise passed where void is expected", async () => {
    expect(await ruleIds(floating, "server/dev-secret.ts")).toEqual([
      "@typescript-eslint/no-floating-promises",
    ]);
    const misused = `export const start = (f: () => Promise<void>) => setInterval(f, 1000);\n`;
    expect(await ruleIds(misused, "server/dev-secret.ts")).toEqual([
      "@typescript-eslint/no-misused-promises",
    ]);
    const awaited = `export async function save(): Promise<void> {}\nexport async function handler() {\n  await save();\n}\n`;
    expect(await ruleIds(awaited, "server/dev-secret.ts")).toEqual([]);
  });

  it("fails when db/ imports server/, but allows types and the environment", async () => {
    const file = "db/client.ts";
    const restricted = ["@typescript-eslint/no-restricted-imports"];
    expect(
      await ruleIds(`import { line } from "@/server/lib/bounded";\nexport const p = line;\n`, file),
    ).toEqual(restricted);
    expect(await ruleIds(`export { x } from "../server/lib/bounded";\n`, file)).toEqual(restricted);
    expect(
      await ruleIds(
        `import type { TenantSettings } from "@/server/settings/schema";\nexport type T = TenantSettings;\n`,
        file,
      ),
    ).toEqual([]);
    expect(
      await ruleIds(`import { env } from "@/server/env";\nexport const e = env;\n`, file),
    ).toEqual([]);
  });

  it("fails when the engine imports a framework or server/api/", async () => {
    const file = "server/engine/time.ts";
    const restricted = ["@typescript-eslint/no-restricted-imports"];
    for (const source of ["next/server", "inngest", "@trpc/server", "next-auth", "react"]) {
      expect(await ruleIds(`import * as m from "${source}";\nexport const x = m;\n`, file)).toEqual(
        restricted,
      );
    }
    expect(
      await ruleIds(`import * as m from "@/server/api/trpc";\nexport const x = m;\n`, file),
    ).toEqual(restricted);
  });

  it("fails when a client component imports a server-only module", async () => {
    const file = "components/providers/trpc.tsx";
    const client = (line: string) => `"use client";\n${line}\nexport const x = m;\n`;
    const rule = ["rekindle/client-imports"];
    expect(await ruleIds(client(`import * as m from "@/db/runtime";`), file)).toEqual(rule);
    expect(await ruleIds(client(`import * as m from "@/server/engine/time";`), file)).toEqual(rule);
    // Not under server/, but marked `import "server-only"`.
    expect(
      await ruleIds(client(`import * as m from "@/test/lint-fixtures/secret";`), file),
    ).toEqual(rule);
    // Types and the pure modules listed are fine; so is a server component.
    expect(await ruleIds(client(`import * as m from "@/server/content/sms";`), file)).toEqual([]);
    expect(
      await ruleIds(
        `"use client";\nimport type { AppRouter } from "@/server/api/root";\nexport type R = AppRouter;\n`,
        file,
      ),
    ).toEqual([]);
    expect(
      await ruleIds(`import * as m from "@/db/runtime";\nexport const x = m;\n`, file),
    ).toEqual([]);
  });
});
