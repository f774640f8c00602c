import { z } from "zod";
import { plan } from "@/server/engine/steps/plan";
import { inngest } from "../client";
import type { EngineDeps } from "../deps";

const data = z.object({ contactId: z.uuid(), tenantId: z.uuid() });

/** `customer.dormant`: plan what is due for one contact (idempotent; the contact row is locked). */
export function planContactFunction(deps: EngineDeps) {
  return inngest.createFunction(
    {
      id: "reactivation-plan-contact",
      triggers: [{ event: "customer.dormant" }],
      concurrency: [{ key: "event.data.tenantId", limit: 10 }],
    },
    async ({ event, step }) => {
      const { contactId } = data.parse(event.data);
      await step.run("plan", async () => plan(await deps.db(), contactId, deps.clock()));
      return { contactId };
    },
  );
}
