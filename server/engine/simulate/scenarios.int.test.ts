import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { onPostgresServer, openTestDb } from "@/test/db";
import { runScenario } from "./run";
import { scenarioSchema } from "./scenario";

const dir = "scenarios";
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
  .sort();
const pick = (output: object, keys: string[]) =>
  Object.fromEntries(Object.entries(output).filter(([key]) => keys.includes(key)));
const read = (file: string) => JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as unknown;

// On a server, two workers run each round's batches at once: they must change nothing.
describe("committed scenarios (one per SPEC rule)", () => {
  it("there are at least 15", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files)("%s", async (file) => {
    const output = await runScenario(scenarioSchema.parse(read(file)), {
      open: openTestDb,
      workers: 2,
    });
    const expected = read(file.replace(/\.json$/, ".expected.json")) as Record<string, unknown>;
    // Scenarios written before metrics existed expect attempts and deliveries only.
    expect(pick(output, Object.keys(expected))).toEqual(expected);
  });
});

describe.skipIf(onPostgresServer)("npm run simulate", () => {
  const run = promisify(execFile);
  const simulate = (file: string) =>
    run("npx", ["tsx", "scripts/simulate.ts", file], { encoding: "utf8" });

  it("prints exactly the scenario's output as one JSON object on stdout", async () => {
    const { stdout } = await simulate(`${dir}/${files[0]}`);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(["attempts", "deliveries", "metrics"]);
    const expected = read(files[0]!.replace(/\.json$/, ".expected.json")) as Record<
      string,
      unknown
    >;
    expect(pick(printed, Object.keys(expected))).toEqual(expected);
  });

  it("exits non-zero and names the offending field of an invalid scenario", async () => {
    const error = await simulate("test/fixtures/invalid-scenario.json").catch(
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(error).toMatchObject({ code: 1, stdout: "" });
    expect((error as { stderr: string }).stderr).toContain(
      "contacts.0.timezone: must be an IANA time zone",
    );
  });
});
