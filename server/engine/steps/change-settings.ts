import { and, asc, eq, gt, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { updateInChunks } from "@/db/bulk";
import { contacts, deliveries, reminders } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { rowsOf } from "@/db/rows";
import type { TenantSettings } from "@/server/settings/schema";
import { loadContacts, type ContactContext } from "../contact-context";
import { currentCycles } from "../ledger/cycle-history";
import { logEvents } from "../ledger/events";
import { writeReminders, type ReminderToWrite } from "../ledger/write-reminders";
import { currentHistories } from "../planning/next-check";
import { historyAfter } from "../planning/reminder";
import {
  changedStages,
  keptBySettings,
  lateMilestones,
  planSkippedLate,
  type LateMilestones,
} from "../planning/settings-change";
import { isPlannable, upcomingMilestone } from "../planning/targets";
import { stepTime } from "../step-time";
import { ledgerId } from "@/db/ledger-id";

/** Contacts recomputed per statement batch: bounded memory, whatever the tenant's size. */
const BATCH = 2_000;

/** A save of a tenant's settings, as the engine applies it (SPEC §1.9). */
export type SettingsChange = {
  tenantId: string;
  before: TenantSettings;
  after: TenantSettings;
  /** The change's instant: late milestones are due then, and every decision is dated then. */
  at: Date;
  lateMilestones: LateMilestones;
  /** The saved version, named in the reasons on the contacts' timelines. */
  version: number;
};

/** How many contacts a change affects now (SPEC §1.9), from a dry run or from the change itself. */
export type ChangeImpact = {
  /** Contacts with milestones the change puts in the past; per stage, the contacts late on it. */
  late: { contacts: number; byStage: Record<string, number> };
  /** Pending deliveries of a removed stage or channel, and the contacts they are for. */
  canceled: { deliveries: number; contacts: number };
};

/**
 * SPEC §1.9, inside the caller's transaction after the new settings are stored: cancels the
 * pending deliveries of removed stages and channels, skips (or leaves to be sent at once) the
 * milestones the change puts in the past, and recomputes every contact's next check under the new
 * settings, a batch of contacts per statement. Each batch takes its contacts' locks in id order,
 * as every engine step does, so a worker never plans a contact halfway through the change.
 */
export async function applySettingsChange(tx: Db, change: SettingsChange): Promise<ChangeImpact> {
  const canceled = await cancelRemoved(tx, change);
  const late = newLateCount();
  // Quiet hours, retries, the offer, the sender…: no next check moves, and pending sends are
  // checked against them when sent. Only the cadence and the audience move milestones.
  if (!movesMilestones(change.before, change.after)) return { late, canceled };
  for await (const ids of plannableContactIds(tx, change.tenantId)) {
    const list = (await loadContacts(tx, { ids }, true))
      .map((c) => ({ ...c, settings: change.after }))
      .filter(isPlannable);
    await recomputeBatch(tx, list, change, late);
  }
  return { late, canceled };
}

/** What `applySettingsChange` would do now, without doing it: the save dialog's counts. */
export async function settingsChangeImpact(
  db: Db,
  change: Pick<SettingsChange, "tenantId" | "before" | "after" | "at">,
): Promise<ChangeImpact> {
  const late = newLateCount();
  const since = lateSince(change.before, change.after, change.at);
  for await (const ids of since ? plannableContactIds(db, change.tenantId, since) : []) {
    const list = (await loadContacts(db, { ids }, false))
      .map((c) => ({ ...c, settings: change.after }))
      .filter(isPlannable);
    const histories = await currentHistories(db, list);
    for (const contact of list) {
      countLate(
        late,
        lateMilestones(contact, change.before, histories.get(contact.id)!, change.at),
      );
    }
  }
  const kept = keptBySettings(change.after);
  const [removed] = rowsOf<{ deliveries: number; contacts: number }>(
    await db.execute(sql`
      select count(*)::int as deliveries, count(distinct d.contact_id)::int as contacts
      from ${deliveries} d join ${reminders} r on r.id = d.reminder_id
      where ${removedPending(change.tenantId, kept)}`),
  );
  return { late, canceled: removed ?? { deliveries: 0, contacts: 0 } };
}

async function recomputeBatch(
  tx: Db,
  list: ContactContext[],
  change: SettingsChange,
  late: ChangeImpact["late"],
): Promise<void> {
  const histories = await currentHistories(tx, list);
  const lateOf = new Map(
    list.map((c) => [c.id, lateMilestones(c, change.before, histories.get(c.id)!, change.at)]),
  );
  for (const milestones of lateOf.values()) countLate(late, milestones);
  const skipped = change.lateMilestones === "skip" ? await skipLate(tx, list, lateOf, change) : [];
  const skippedOf = new Map<string, ReminderToWrite[]>();
  for (const w of skipped) skippedOf.set(w.contactId, [...(skippedOf.get(w.contactId) ?? []), w]);
  const next = list.map((contact) => {
    const sendLate = change.lateMilestones === "send" && lateOf.get(contact.id)!.length > 0;
    if (sendLate) return { id: contact.id, nextCheckAt: change.at };
    const written = skippedOf.get(contact.id) ?? [];
    const history = historyAfter(
      histories.get(contact.id)!,
      false,
      written.map((w) => ({ id: w.id, reminder: w.planned })),
    );
    return { id: contact.id, nextCheckAt: upcomingMilestone(contact, history)?.reachedAt ?? null };
  });
  await updateInChunks(tx, contacts, next);
}

/** Records every late milestone with its deliveries skipped, in the contacts' open cycles. */
async function skipLate(
  tx: Db,
  list: ContactContext[],
  lateOf: Map<string, ReturnType<typeof lateMilestones>>,
  change: SettingsChange,
): Promise<ReminderToWrite[]> {
  const behind = list.filter((c) => lateOf.get(c.id)!.length > 0);
  if (behind.length === 0) return [];
  const at = stepTime(change.at);
  const { cycles, started } = await currentCycles(tx, behind, at);
  const toWrite = behind.flatMap((contact) =>
    lateOf.get(contact.id)!.map((milestone) => ({
      id: ledgerId(),
      tenantId: contact.tenantId,
      contactId: contact.id,
      cycleId: cycles.get(contact.id)!.id,
      planned: planSkippedLate(contact, milestone, change.version, change.at),
    })),
  );
  const skipped = await writeReminders(tx, toWrite, at);
  await logEvents(tx, [...started, ...skipped]);
  return toWrite;
}

/** SPEC §1.9: "Pending deliveries of a stage or channel that a change removes are canceled". */
async function cancelRemoved(tx: Db, change: SettingsChange): Promise<ChangeImpact["canceled"]> {
  const kept = keptBySettings(change.after);
  const rows = rowsOf<{
    id: string;
    contact_id: string;
    reminder_id: string;
    channel: Channel;
    key: string;
  }>(
    await tx.execute(sql`
      update ${deliveries} d set status = 'canceled', reason = 'settings_changed',
        next_attempt_at = null, finished_at = ${change.at.toISOString()}::timestamptz
      from ${reminders} r
      where r.id = d.reminder_id and ${removedPending(change.tenantId, kept)}
      returning d.id, d.contact_id, d.reminder_id, d.channel, r.key`),
  );
  await logEvents(
    tx,
    rows.map((d) => ({
      tenantId: change.tenantId,
      contactId: d.contact_id,
      reminderId: d.reminder_id,
      deliveryId: d.id,
      type: "canceled_settings" as const,
      at: change.at,
      reason:
        `Canceled on ${d.channel}: the settings change (version ${change.version}) removed ` +
        (kept.channels.includes(d.channel)
          ? `the ${d.key} reminder.`
          : `the ${d.channel} channel.`),
    })),
  );
  return { deliveries: rows.length, contacts: new Set(rows.map((d) => d.contact_id)).size };
}

/**
 * Not-yet-sent deliveries (`d`, joined to their reminder `r`) of a stage or channel outside
 * `kept`. An attempt already in flight is left to finish; its retry is checked before it is sent.
 */
function removedPending(tenantId: string, kept: ReturnType<typeof keptBySettings>) {
  return sql`d.tenant_id = ${tenantId} and d.status in ('pending', 'sending')
    and d.in_flight_attempt is null
    and (not (d.channel::text = any(${jsonTexts(kept.channels)}))
      or not (r.key = any(${jsonTexts(kept.stages)})))`;
}

/** A list of strings as one JSON parameter, on either database driver. */
function jsonTexts(values: readonly string[]) {
  return sql`array(select json_array_elements_text(${JSON.stringify(values)}::json))`;
}

/** Whether a change can move anyone's next milestone: its cadence or who is excluded. */
function movesMilestones(before: TenantSettings, after: TenantSettings): boolean {
  return (
    JSON.stringify(before.cadence) !== JSON.stringify(after.cadence) ||
    before.excludeDoNotContact !== after.excludeDoNotContact
  );
}

/**
 * The latest last activity a contact late for this change can have, or null when no stage
 * changed (then nobody is late). A stage of N days is reached more than N − 1 days after the last
 * activity's instant (its local date's midnight is less than a day before it), less an hour per
 * DST change on the way: N − 2 days is a safe bound; 28·N − 2 days for N months.
 */
function lateSince(before: TenantSettings, after: TenantSettings, at: Date): Date | null {
  const changed = changedStages(before, after);
  if (changed.length === 0) return null;
  const days = Math.min(
    ...changed.map((s) => (s.unit === "day" ? s.threshold : 28 * s.threshold) - 2),
  );
  return new Date(at.getTime() - days * 86_400_000);
}

/**
 * The tenant's contacts with a last activity (at `lastActiveBy` or before, when given), in id
 * order, a batch at a time.
 */
async function* plannableContactIds(
  db: Db,
  tenantId: string,
  lastActiveBy?: Date,
): AsyncGenerator<string[]> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          eq(contacts.tenantId, tenantId),
          isNotNull(contacts.lastActivityAt),
          lastActiveBy ? lte(contacts.lastActivityAt, lastActiveBy) : undefined,
          gt(contacts.id, after),
        ),
      )
      .orderBy(asc(contacts.id))
      .limit(BATCH);
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    after = rows.at(-1)!.id;
  }
}

const newLateCount = (): ChangeImpact["late"] => ({ contacts: 0, byStage: {} });

function countLate(late: ChangeImpact["late"], milestones: { key: string }[]): void {
  if (milestones.length === 0) return;
  late.contacts += 1;
  for (const { key } of milestones) late.byStage[key] = (late.byStage[key] ?? 0) + 1;
}
