import { contactInput } from "@/server/contacts/contact-input";
import { upsertContacts } from "@/server/contacts/upsert";
import { batchEndpoint } from "@/server/http/batch-request";

/** Batch upsert of contacts by external id; invalid rows are reported, valid ones stored. */
export const POST = batchEndpoint({
  key: "contacts",
  schema: contactInput,
  store: async ({ db, tenantId, now }, rows) => ({
    ...(await upsertContacts(db, tenantId, rows.map((r) => r.value), now)),
    errors: [],
  }),
});
