import { activityInput } from "@/server/activity/activity-input";
import { ingestActivity } from "@/server/activity/ingest";
import type { ActivityRecorder } from "@/server/activity/recorders";
import { contactInput } from "@/server/contacts/contact-input";
import { upsertContacts } from "@/server/contacts/upsert";
import { registerPushSubscriptions } from "@/server/push/register";
import { pushSubscriptionInput } from "@/server/push/subscription-input";
import type { BatchSpec } from "./batch-request";

/** `POST /api/v1/contacts`: upsert by external id. */
export const contactsBatch: BatchSpec<ReturnType<typeof contactInput>> = {
  key: "contacts",
  scope: "contacts",
  schema: contactInput,
  store: ({ db, tenantId, now }, rows) => upsertContacts(db, tenantId, rows, now),
};

/** `POST /api/v1/activity`'s rows, which do not depend on the engine (the OpenAPI document's). */
export const activityRows = {
  key: "activity",
  scope: "activity",
  schema: activityInput,
} satisfies Omit<BatchSpec<ReturnType<typeof activityInput>>, "store">;

/**
 * `POST /api/v1/activity`: idempotent by external id; a repeat is counted, not stored again. The
 * recorder hands the new qualifying activities to the engine in use.
 */
export function activityBatch(
  record: ActivityRecorder,
): BatchSpec<ReturnType<typeof activityInput>> {
  return {
    ...activityRows,
    store: ({ db, tenantId, now }, rows) => ingestActivity(db, tenantId, rows, now, record),
  };
}

/** `POST /api/v1/push-subscriptions`: browsers' web push subscriptions, by contact external id. */
export const pushSubscriptionsBatch: BatchSpec<typeof pushSubscriptionInput> = {
  key: "subscriptions",
  scope: "push_subscriptions",
  schema: () => pushSubscriptionInput,
  store: ({ db, tenantId, now }, rows) => registerPushSubscriptions(db, tenantId, rows, now),
};
