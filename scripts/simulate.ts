// `npm run --silent simulate -- scenario.json`: replays a scenario (scenarios/README.md) through
// the real engine in virtual time. Prints one JSON object on stdout; errors go to stderr, exit 1.
import { readFile } from "node:fs/promises";
import { describeScenarioErrors, scenarioSchema } from "@/server/engine/simulate/scenario";
import { runScenario } from "@/server/engine/simulate/run";

function fail(message: string): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(1);
}

const file = process.argv[2];
if (!file) fail("usage: npm run --silent simulate -- path/to/scenario.json");
const text = await readFile(file, "utf8").catch((error: Error) =>
  fail(`cannot read ${file}: ${error.message}`),
);
let json: unknown;
try {
  json = JSON.parse(text);
} catch (error) {
  fail(`${file} is not valid JSON: ${(error as Error).message}`);
}
const parsed = scenarioSchema.safeParse(json);
if (!parsed.success)
  fail(`${file} is not a valid scenario:\n${describeScenarioErrors(parsed.error)}`);
const output = await runScenario(parsed.data);
process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
