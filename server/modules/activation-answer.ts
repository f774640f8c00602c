import { z } from "zod";
import { moduleState } from "@/db/schema/modules";

const missingItem = z.object({
  kind: z.enum(["entitlement", "capability", "sender_identity", "postal_address"]),
  item: z.string().meta({ description: "The capability (`sms`…), the module, or the setting." }),
  reason: z.string().meta({ description: "What is wrong, in a sentence." }),
  fix: z.string().meta({ description: "How to provide it." }),
});

/** What the activation API answers: the module's state, typed, with what a deferral waits for. */
export const activationAnswer = z.object({
  module_code: z.string(),
  state: z.enum(moduleState.enumValues).meta({
    description: "Only `active` plans and sends; `deferred` names what is missing in `missing`.",
  }),
  sandbox: z.boolean().meta({ description: "A sandbox workspace: messages go to the Outbox." }),
  niche: z.string().nullable(),
  changed_at: z.iso.datetime().nullable(),
  missing: z.array(missingItem).meta({ description: "Empty unless `state` is `deferred`." }),
  checklist: z
    .array(missingItem.extend({ met: z.boolean() }))
    .meta({ description: "Every requirement as of now, met or not." }),
  note: z.literal("sandbox: messages go to the Outbox").optional(),
});
