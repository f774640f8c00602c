import type { Db } from "@/db/client";
import { inngest } from "@/inngest/client";
import { contactActivity, type ContactActivityEvent } from "@/inngest/events";
import { recordActivities } from "@/server/engine/steps/record-activity";
import type { Env } from "@/server/env";

/** A stored qualifying activity of a contact of the tenant. */
export type QualifyingActivity = { tenantId: string; contactId: string; activityAt: Date };

/**
 * Hands the activity API's new qualifying activities to the engine, inside the transaction that
 * stores them (SPEC §4: an accepted event is stored before the answer). Either way the step
 * `recordActivities` moves the last activities and resets the chains.
 */
export type ActivityRecorder = (
  tx: Db,
  activities: QualifyingActivity[],
  now: Date,
) => Promise<void>;

/** The embedded engine: the step runs in the ingest's transaction, so the answer follows it. */
export const recordInline: ActivityRecorder = async (tx, activities, now) => {
  await recordActivities(
    tx,
    activities.map(({ contactId, activityAt }) => ({ contactId, activityAt, at: now })),
  );
};

/**
 * Inngest runs the engine: one `contact.activity` per activity, and the function runs the step.
 * Sent before the ingest commits: a failed send rolls the batch back (the client's retry stores
 * it again), so no stored activity is left unrecorded.
 */
export function sendToInngest(
  send: (events: ContactActivityEvent[]) => Promise<unknown>,
): ActivityRecorder {
  return async (_tx, activities) => {
    if (activities.length === 0) return;
    await send(
      activities.map(({ tenantId, contactId, activityAt }) =>
        contactActivity.create({ tenantId, contactId, activityAt: activityAt.toISOString() }),
      ),
    );
  };
}

/** The recorder of the workflow engine in use (`WORKFLOW_ENGINE`). */
export function recorderFor(engine: Env["WORKFLOW_ENGINE"]): ActivityRecorder {
  return engine === "inngest" ? sendToInngest((events) => inngest.send(events)) : recordInline;
}
