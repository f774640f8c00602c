import { and, desc, eq, gt } from "drizzle-orm";
import { anyOf } from "@/db/bulk";
import type { Db } from "@/db/client";
import { activityEvents, exercises } from "@/db/schema";
import { daysBetween, localDate, type LocalDate } from "@/server/engine/time";
import { groupBy } from "@/server/lib/group-by";

/** How far back a streak is counted; a longer one reads "60+ days". */
const STREAK_WINDOW_DAYS = 60;

/**
 * The streak that ended: consecutive local days with activity, counted back from the day of the
 * last activity. `days` may hold duplicates and any order.
 */
export function streakLength(days: LocalDate[]): number {
  const sorted = [...new Set(days)].sort().reverse();
  let streak = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length && daysBetween(sorted[i]!, sorted[i - 1]!) === 1; i++) streak++;
  return streak;
}

/** SPEC §1.6: the light recap of a `streak_lost` reminder. */
export function recapText(lastExercise: string | null, streak: number): string {
  const streakPart =
    streak > 1
      ? `You practised ${streak >= STREAK_WINDOW_DAYS ? `${STREAK_WINDOW_DAYS}+` : streak} days in a row.`
      : "";
  const lastPart = lastExercise ? `Last time: ${lastExercise}.` : "";
  return [streakPart, lastPart].filter(Boolean).join(" ");
}

/** The recap of each contact of one tenant, from its activity before its last activity. */
export async function loadRecaps(
  db: Db,
  list: { id: string; tenantId: string; lastActivityAt: Date | null; zone: string }[],
): Promise<Map<string, string>> {
  const recaps = new Map<string, string>();
  const withActivity = list.filter((c) => c.lastActivityAt);
  if (withActivity.length === 0) return recaps;
  const since = new Date(
    Math.min(...withActivity.map((c) => c.lastActivityAt!.getTime())) -
      STREAK_WINDOW_DAYS * 86_400_000,
  );
  const rows = await db
    .select({
      contactId: activityEvents.contactId,
      at: activityEvents.occurredAt,
      title: exercises.title,
    })
    .from(activityEvents)
    .leftJoin(exercises, eq(exercises.id, activityEvents.exerciseId))
    .where(
      and(
        eq(activityEvents.tenantId, withActivity[0]!.tenantId),
        anyOf(
          activityEvents.contactId,
          withActivity.map((c) => c.id),
        ),
        gt(activityEvents.occurredAt, since),
      ),
    )
    .orderBy(desc(activityEvents.occurredAt));
  const byContact = groupBy(rows, (r) => r.contactId);
  for (const contact of withActivity) {
    const own = (byContact.get(contact.id) ?? []).filter((r) => r.at <= contact.lastActivityAt!);
    const days = own.map((r) => localDate(r.at, contact.zone));
    const text = recapText(own.find((r) => r.title)?.title ?? null, streakLength(days));
    if (text) recaps.set(contact.id, text);
  }
  return recaps;
}
