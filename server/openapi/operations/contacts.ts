import type { upsertContacts } from "@/server/contacts/upsert";
import { contactsBatch } from "@/server/http/endpoints";
import { batchAnswer, batchOperation } from "../batch-operation";
import { describing } from "../same-type";

type Answer = Awaited<ReturnType<typeof upsertContacts>>;

/** `POST /api/v1/contacts` (app/api/v1/contacts/route.ts). */
export function contactsOperation(now: Date) {
  return batchOperation(contactsBatch, now, {
    path: "/api/v1/contacts",
    operationId: "upsertContacts",
    summary: "Upsert contacts by externalId",
    description:
      "Creates a contact for each new `externalId` and updates the known ones. Fields a row " +
      "leaves out keep their stored value.\n\n" +
      "A later `lastActivityAt` is a return, exactly as a qualifying event of " +
      "`POST /api/v1/activity`: the open cycle closes, its pending reminders are canceled, and a " +
      "return within the attribution window of a sent reminder counts as a reactivation.",
    answer: describing<Answer>()(
      batchAnswer({ created: "Contacts created.", updated: "Known contacts updated." }),
    ),
    example: [
      {
        externalId: "cust-9001",
        name: "Maya Ortiz",
        email: "maya@example.com",
        phone: "+13125550199",
        timeZone: "America/Chicago",
        tags: ["vip"],
        lastActivityAt: "2026-10-02T14:00:00-05:00",
        channels: { email: "subscribed", sms: "subscribed" },
      },
      { externalId: "cust-9002", name: "Trần Minh Anh", locale: "vi-VN" },
    ],
    refused: { externalId: "cust-9003", email: "not-an-email", timeZone: "Mars/Base" },
    counts: (stored) => ({ created: stored, updated: 0 }),
  });
}
