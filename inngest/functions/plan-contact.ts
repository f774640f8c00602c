import { z } from "zod";
import { planContacts } from "@/server/engine/steps/plan";
import { inngest } from "../client";
import type { EngineDeps } from "../deps";

const data = z.object({ contactId: z.uuid(), tenantId: z.uuid() });

/**
 * `customer.dormant`: plan what is due for the contacts. Events are batched (up to 500 per run,
 * or whatever arrived within 5 s), so a sweep of thousands of due contacts costs a few set-based
 * transactions instead of one per contact. Planning is idempotent under the contacts' row locks.
 * A contact that fails is set aside by the step itself, so the run succeeds for the others.
 */
export function planContactFunction(deps: EngineDeps) {
  return inngest.createFunction(
    {
      id: "reactivation-plan-contact",
      triggers: [{ event: "customer.dormant" }],
      batchEvents: { maxSize: 500, timeout: "5s" },
    },
    async ({ events, step, logger }) => {
      const contactIds = events.map((event) => data.parse(event.data).contactId);
      const { planned, setAside } = await step.run("plan", async () =>
        planContacts(await deps.db(), [...new Set(contactIds)], deps.clock()),
      );
      // A contact that fails is set aside with a backoff; the others are planned regardless.
      for (const s of setAside)
        logger.error(`plan failed for contact ${s.contactId}: ${s.error}; retry at ${s.retryAt}`);
      return { planned, setAside: setAside.length };
    },
  );
}
