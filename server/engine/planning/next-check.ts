import { and, isNull } from "drizzle-orm";
import { anyOf } from "@/db/bulk";
import type { Db } from "@/db/client";
import { cycles } from "@/db/schema";
import type { ContactContext } from "../contact-context";
import { cycleReminders, type ReminderSummary } from "../ledger/cycle-history";
import { isPlannable, upcomingMilestone } from "./targets";

/**
 * Each contact's current history: its open cycle's reminders when that cycle counts from the
 * current last activity, or none when the next cycle has not been opened yet.
 */
export async function currentHistories(
  db: Db,
  list: ContactContext[],
): Promise<Map<string, ReminderSummary[]>> {
  const open = list.length
    ? await db
        .select({ id: cycles.id, contactId: cycles.contactId, startedAt: cycles.startedAt })
        .from(cycles)
        .where(
          and(
            anyOf(
              cycles.contactId,
              list.map((c) => c.id),
            ),
            isNull(cycles.closedAt),
          ),
        )
    : [];
  const lastActivityOf = new Map(list.map((c) => [c.id, c.lastActivityAt?.getTime()]));
  const current = open.filter(
    (cycle) => cycle.startedAt.getTime() === lastActivityOf.get(cycle.contactId),
  );
  const histories = await cycleReminders(
    db,
    current.map((c) => c.id),
  );
  const byContact = new Map(current.map((c) => [c.contactId, histories.get(c.id)!]));
  return new Map(list.map((c) => [c.id, byContact.get(c.id) ?? []]));
}

/**
 * When each contact should next be planned: its next milestone (SPEC §1.1), or null when nothing
 * can be planned until an activity or an untag. Stored in `next_check_at`, so a step that changed
 * what counts (an activity, a first attempt) sets it directly instead of asking for a replan.
 */
export async function nextChecks(
  db: Db,
  list: ContactContext[],
): Promise<Map<string, Date | null>> {
  const plannable = list.filter(isPlannable);
  const histories = await currentHistories(db, plannable);
  const next = new Map<string, Date | null>(list.map((c) => [c.id, null]));
  for (const contact of plannable) {
    next.set(contact.id, upcomingMilestone(contact, histories.get(contact.id)!)?.reachedAt ?? null);
  }
  return next;
}
