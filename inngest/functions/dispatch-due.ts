import { dispatchDue } from "@/server/engine/steps/dispatch";
import { inngest } from "../client";
import type { EngineDeps } from "../deps";

/** Every minute: claim due deliveries (`FOR UPDATE SKIP LOCKED`) and fan out one send each. */
export function dispatchDueFunction(deps: EngineDeps) {
  return inngest.createFunction(
    {
      id: "reactivation-dispatch-due",
      triggers: [{ cron: "* * * * *" }],
      concurrency: { limit: 1 },
    },
    async ({ step }) => {
      const claimed = await step.run("claim-due-deliveries", async () =>
        dispatchDue(await deps.db(), deps.clock(), 1_000),
      );
      if (claimed.length === 0) return { claimed: 0 };
      await step.sendEvent(
        "fan-out-sends",
        claimed.map((d) => ({
          name: "reactivation/delivery.due",
          data: { deliveryId: d.id, tenantId: d.tenantId, channel: d.channel },
        })),
      );
      return { claimed: claimed.length };
    },
  );
}
