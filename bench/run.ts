// `npm run bench`: see bench/throughput.ts. The route handler's module
// (`server/http/batch-request.ts`) reaches `db/runtime.ts`, which imports `server-only`; outside
// Next.js that package throws, so it resolves to its empty build here, as in the tests
// (vitest.config.ts), before the benchmark's modules load.
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") {
    return { url: ${JSON.stringify(new URL("../node_modules/server-only/empty.js", import.meta.url).href)}, shortCircuit: true };
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
await import("./throughput");
