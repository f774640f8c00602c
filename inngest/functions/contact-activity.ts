import { z } from "zod";
import { recordActivity } from "@/server/engine/steps/record-activity";
import { inngest } from "../client";
import type { EngineDeps } from "../deps";

const data = z.object({ contactId: z.uuid() });

/** `contact.activity`: the contact was active again: reset the chain (SPEC §1.4). */
export function contactActivityFunction(deps: EngineDeps) {
  return inngest.createFunction(
    { id: "reactivation-contact-activity", triggers: [{ event: "contact.activity" }] },
    async ({ event, step }) => {
      const { contactId } = data.parse(event.data);
      await step.run("reset-chain", async () =>
        recordActivity(await deps.db(), contactId, deps.clock()),
      );
      return { contactId };
    },
  );
}
