import { z } from "zod";
import { channel } from "@/db/schema/enums";
import { sendDeliveries } from "@/server/engine/steps/send";
import { inngest } from "../client";
import type { EngineDeps } from "../deps";

const data = z.object({
  deliveryId: z.uuid(),
  tenantId: z.uuid(),
  channel: z.enum(channel.enumValues),
});
const perTenantChannel = 'event.data.tenantId + "-" + event.data.channel';

/**
 * `reactivation/delivery.due`: send claimed deliveries. Events are batched per tenant and channel
 * (up to 100 per run, or whatever arrived within a second), so a sweep costs the engine's three
 * set-based transactions per hundred messages instead of per message, as the embedded worker's
 * batches do (`bench/RESULTS.md`). Concurrency is keyed by tenant and channel, so one tenant's
 * backlog cannot take every run from the others; a provider's rate limit (429) is retried.
 */
export function sendDeliveryFunction(deps: EngineDeps) {
  return inngest.createFunction(
    {
      id: "reactivation-send-delivery",
      triggers: [{ event: "reactivation/delivery.due" }],
      batchEvents: { maxSize: 100, timeout: "1s", key: perTenantChannel },
      concurrency: [{ key: perTenantChannel, limit: 2 }],
    },
    async ({ events, step, logger }) => {
      const ids = [...new Set(events.map((event) => data.parse(event.data).deliveryId))];
      const outcomes = await step.run("send", async () => {
        const db = await deps.db();
        return Object.fromEntries(await sendDeliveries(db, deps.provider(db), ids, deps.clock()));
      });
      // Set aside by the step (its contact's timeline says why); the dispatch sweep retries it.
      for (const [deliveryId, outcome] of Object.entries(outcomes))
        if (outcome === "set_aside")
          logger.error(`send failed for delivery ${deliveryId}; set aside`);
      return { outcomes };
    },
  );
}
