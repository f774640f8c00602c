import { activityInput } from "@/server/activity/activity-input";
import { ingestActivity } from "@/server/activity/ingest";
import { batchEndpoint } from "@/server/http/batch-request";

/** Batch of activity events, idempotent by external id: a repeat is counted, not stored again. */
export const POST = batchEndpoint({
  key: "activity",
  schema: activityInput,
  store: ({ db, tenantId, now }, rows) => ingestActivity(db, tenantId, rows, now),
});
