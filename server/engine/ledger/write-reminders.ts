import type { Db } from "@/db/client";
import { insertInChunks } from "@/db/bulk";
import { deliveries, reminders } from "@/db/schema";
import type { PlannedReminder } from "../planning/reminder";
import type { StepTime } from "../step-time";
import type { EngineEvent } from "./events";
import { ledgerId } from "@/db/ledger-id";

export type ReminderToWrite = {
  id: string;
  tenantId: string;
  contactId: string;
  cycleId: string;
  planned: PlannedReminder;
};

/**
 * Writes planned reminders and their deliveries, two statements for any number of them, and
 * returns their decisions to log. Ids are made here so deliveries and events can name their
 * reminder without a round trip. Callers hold the contacts' locks and have read their cycles'
 * reminders, so a reminder cannot exist already (the unique key would fail the transaction).
 */
export async function writeReminders(
  db: Db,
  list: ReminderToWrite[],
  at: StepTime,
): Promise<EngineEvent[]> {
  const reminderRows: (typeof reminders.$inferInsert)[] = [];
  const deliveryRows: (typeof deliveries.$inferInsert)[] = [];
  const events: EngineEvent[] = [];
  for (const { id: reminderId, tenantId, contactId, cycleId, planned } of list) {
    const now = at(contactId);
    const { key, sequence, reachedAt } = planned.target;
    reminderRows.push({
      id: reminderId,
      tenantId,
      contactId,
      cycleId,
      key,
      sequence,
      reachedAt,
      plannedAt: now,
    });
    const deliveryIds = new Map(planned.deliveries.map((d) => [d.channel, ledgerId()]));
    for (const d of planned.deliveries) {
      deliveryRows.push({ id: deliveryIds.get(d.channel)!, tenantId, contactId, reminderId, ...d });
    }
    for (const note of planned.notes) {
      events.push({
        tenantId,
        contactId,
        cycleId,
        reminderId,
        deliveryId: note.channel ? deliveryIds.get(note.channel)! : null,
        type: note.type,
        at: now,
        reason: note.reason,
      });
    }
  }
  await insertInChunks(db, reminders, reminderRows);
  await insertInChunks(db, deliveries, deliveryRows);
  return events;
}
