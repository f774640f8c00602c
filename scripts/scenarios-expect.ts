// `npm run scenarios:expect`: (re)writes scenarios/*.expected.json from the current engine.
// Read every changed file before committing it: the expectations are the SPEC, not a snapshot.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { scenarioSchema } from "@/server/engine/simulate/scenario";
import { runScenario } from "@/server/engine/simulate/run";

const dir = "scenarios";
for (const file of (await readdir(dir))
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
  .sort()) {
  const scenario = scenarioSchema.parse(JSON.parse(await readFile(`${dir}/${file}`, "utf8")));
  const output = await runScenario(scenario);
  await writeFile(
    `${dir}/${file.replace(/\.json$/, ".expected.json")}`,
    `${JSON.stringify(output, null, 2)}\n`,
  );
  console.log(
    `${file}: ${output.attempts.length} attempts, ${output.deliveries.length} deliveries`,
  );
}
