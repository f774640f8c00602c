import { z } from "zod";
import { channel } from "@/db/schema/enums";
import { send } from "@/server/engine/steps/send";
import { inngest } from "../client";
import type { EngineDeps } from "../deps";

const data = z.object({
  deliveryId: z.uuid(),
  tenantId: z.uuid(),
  channel: z.enum(channel.enumValues),
});
const perTenantChannel = 'event.data.tenantId + "-" + event.data.channel';

/**
 * `reactivation/delivery.due`: send one claimed delivery. Concurrency and throttle are keyed by
 * tenant and channel, so one tenant's backlog cannot exhaust a provider's limits for the others.
 */
export function sendDeliveryFunction(deps: EngineDeps) {
  return inngest.createFunction(
    {
      id: "reactivation-send-delivery",
      triggers: [{ event: "reactivation/delivery.due" }],
      concurrency: [{ key: perTenantChannel, limit: 5 }],
      throttle: { key: perTenantChannel, limit: 50, period: "1s" },
    },
    async ({ event, step, logger }) => {
      const { deliveryId } = data.parse(event.data);
      const outcome = await step.run("send", async () => {
        const db = await deps.db();
        return send(db, deps.provider(db), deliveryId, deps.clock());
      });
      // Set aside by the step (its contact's timeline says why); the dispatch sweep retries it.
      if (outcome === "set_aside")
        logger.error(`send failed for delivery ${deliveryId}; set aside`);
      return { deliveryId, outcome };
    },
  );
}
