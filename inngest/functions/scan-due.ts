import { findDueContacts } from "@/server/engine/steps/scan";
import { inngest } from "../client";
import type { EngineDeps } from "../deps";

/** Every minute: find the contacts whose next milestone has passed and fan out one plan each. */
export function scanDueFunction(deps: EngineDeps) {
  return inngest.createFunction(
    { id: "reactivation-scan-due", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
    async ({ step }) => {
      const due = await step.run("find-due-contacts", async () =>
        findDueContacts(await deps.db(), deps.clock(), 1_000),
      );
      if (due.length === 0) return { planned: 0 };
      await step.sendEvent(
        "fan-out-plans",
        due.map((c) => ({
          name: "customer.dormant",
          data: { contactId: c.id, tenantId: c.tenantId },
        })),
      );
      return { planned: due.length };
    },
  );
}
