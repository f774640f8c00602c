import { eventType } from "inngest";
import { z } from "zod";

/**
 * `contact.activity`: a contact was active at `activityAt` (SPEC §2). Sent by the activity API
 * when Inngest runs the engine; the `contact-activity` function moves the last activity and
 * resets the chain. One definition for sender and receiver: Inngest checks the data on both sides.
 */
export const contactActivity = eventType("contact.activity", {
  schema: z.object({
    contactId: z.uuid(),
    tenantId: z.uuid(),
    activityAt: z.iso.datetime({ offset: true }),
  }),
});

export type ContactActivityEvent = ReturnType<typeof contactActivity.create>;
