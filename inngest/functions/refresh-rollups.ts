import { refreshRollupsIsolated } from "@/server/metrics/rollups/refresh";
import { tenantIds } from "@/server/metrics/rollups/tenant-ids";
import { inngest } from "../client";
import type { EngineDeps } from "../deps";

/**
 * Every five minutes: rebuild each workspace's dashboard rollups, one step per workspace; a
 * workspace that fails is logged and keeps its previous rollups.
 */
export function refreshRollupsFunction(deps: EngineDeps) {
  return inngest.createFunction(
    {
      id: "reactivation-refresh-rollups",
      triggers: [{ cron: "*/5 * * * *" }],
      concurrency: { limit: 1 },
    },
    async ({ step }) => {
      const ids = await step.run("list-workspaces", async () => tenantIds(await deps.db()));
      let rows = 0;
      for (const id of ids)
        rows += await step.run(`refresh-${id}`, async () =>
          refreshRollupsIsolated(await deps.db(), id, deps.clock()),
        );
      return { workspaces: ids.length, rows };
    },
  );
}
