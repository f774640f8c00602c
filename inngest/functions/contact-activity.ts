import { recordActivities } from "@/server/engine/steps/record-activity";
import { inngest } from "../client";
import type { EngineDeps } from "../deps";
import { contactActivity } from "../events";

/**
 * `contact.activity`: the contacts were active again: move their last activities and reset their
 * chains (SPEC §1.4), with the same step the embedded engine runs inline. Events are batched, so a
 * burst of activity costs a few set-based transactions; the step is idempotent under the
 * contacts' row locks (an activity already recorded moves nothing).
 */
export function contactActivityFunction(deps: EngineDeps) {
  return inngest.createFunction(
    {
      id: "reactivation-contact-activity",
      triggers: [contactActivity],
      batchEvents: { maxSize: 500, timeout: "5s" },
    },
    async ({ events, step }) => {
      const moved = await step.run("reset-chains", async () => {
        const at = deps.clock();
        const activities = events.map(({ data }) => ({
          contactId: data.contactId,
          activityAt: new Date(data.activityAt),
          at,
        }));
        return recordActivities(await deps.db(), activities);
      });
      return { moved: moved.length };
    },
  );
}
