import type { Db } from "@/db/client";
import { updateInChunks } from "@/db/bulk";
import { contacts } from "@/db/schema";
import { bisect } from "@/server/lib/bisect";
import { groupBy } from "@/server/lib/group-by";
import { loadContacts, type ContactContext } from "../contact-context";
import { loadBusyDays } from "../ledger/busy-days";
import { currentCycles, cycleReminders } from "../ledger/cycle-history";
import { logEvents } from "../ledger/events";
import { clearEngineErrors, setAsidePlanning, type SetAside } from "../ledger/set-aside";
import { supersedeEarlier } from "../ledger/supersede";
import { writeReminders, type ReminderToWrite } from "../ledger/write-reminders";
import { historyAfter, planSend, planSuperseded } from "../planning/reminder";
import { chooseTargets, isPlannable, upcomingMilestone } from "../planning/targets";
import { earliest, stepTime, type StepTime } from "../step-time";
import { ledgerId } from "@/db/ledger-id";

/** What a planning step did: contacts planned, and those it failed on and set aside. */
export type PlanReport = { planned: number; setAside: SetAside[] };

/**
 * Plans the first `limit` contacts due at `now` (SPEC §2 scan → plan), in one transaction that
 * takes their row locks, skipping contacts another worker holds. Returns how many it planned; it
 * throws when any of them fails (`scanDue` then isolates the failing ones).
 */
export async function planDue(db: Db, now: Date, limit: number): Promise<number> {
  return db.transaction(async (tx) =>
    planLocked(tx, await loadContacts(tx, { dueBy: now, limit }, true), stepTime(now)),
  );
}

/**
 * Plans these contacts in one batch, waiting for the locks other steps hold, at `now` or each at
 * its own instant. A contact that fails is set aside; it never costs the others their plans.
 */
export async function planContacts(
  db: Db,
  contactIds: string[],
  now: Date | StepTime,
): Promise<PlanReport> {
  return planIsolated(db, contactIds, stepTime(now));
}

/** Plans one contact (see `planContacts`). */
export async function plan(db: Db, contactId: string, now: Date): Promise<PlanReport> {
  return planContacts(db, [contactId], now);
}

async function planIsolated(db: Db, contactIds: string[], at: StepTime): Promise<PlanReport> {
  const { results, failed } = await bisect(contactIds, (ids) =>
    db.transaction(async (tx) => planLocked(tx, await loadContacts(tx, { ids }, true), at)),
  );
  const planned = results.reduce((sum, n) => sum + n, 0);
  return { planned, setAside: await setAsidePlanning(db, failed, at) };
}

/**
 * Plans what is due for locked contacts at their instants and stores each one's next milestone in
 * `next_check_at`: a fixed number of statements for the whole batch; running it again changes
 * nothing.
 */
async function planLocked(tx: Db, locked: ContactContext[], at: StepTime): Promise<number> {
  // A workspace whose module is not active plans nothing (SPEC §1.9); its contacts keep their
  // next check, so the scan finds them once the module is active again.
  const active = locked.filter((c) => c.moduleState === "active");
  const plannable = active.filter(isPlannable);
  const { cycles, started } = await currentCycles(tx, plannable, at);
  const cycleIdOf = (c: ContactContext) => cycles.get(c.id)!.id;
  const histories = await cycleReminders(tx, plannable.map(cycleIdOf));
  const choices = plannable.map((contact) => {
    const history = histories.get(cycleIdOf(contact))!;
    return { contact, targets: chooseTargets(contact, history, at(contact.id)) };
  });
  const sending = choices.filter((c) => c.targets.send);

  const supersedes = sending.filter((c) =>
    histories.get(cycleIdOf(c.contact))!.some((r) => r.waiting > 0),
  );
  const superseded = await supersedeEarlier(
    tx,
    supersedes.map((c) => ({
      cycleId: cycleIdOf(c.contact),
      by: c.targets.send!.key,
      at: at(c.contact.id),
    })),
  );
  const sendingIds = sending.map((c) => c.contact.id);
  const busyDays = await loadBusyDays(tx, sendingIds, earliest(sendingIds, at));
  const toWrite = sending.flatMap(({ contact, targets }): ReminderToWrite[] => {
    const ids = { tenantId: contact.tenantId, contactId: contact.id, cycleId: cycleIdOf(contact) };
    const send = targets.send!;
    const now = at(contact.id);
    return [
      ...targets.superseded.map((t) => ({
        ...ids,
        id: ledgerId(),
        planned: planSuperseded(contact, t, send.key, now),
      })),
      {
        ...ids,
        id: ledgerId(),
        planned: planSend(contact, send, (ch) => busyDays(contact, ch), now),
      },
    ];
  });
  const planned = await writeReminders(tx, toWrite, at);

  // The next milestone counts what was just planned.
  const supersededCycles = new Set(supersedes.map((c) => cycleIdOf(c.contact)));
  const writtenFor = groupBy(toWrite, (w) => w.contactId);
  const next = new Map(
    plannable.map((contact) => {
      const cycleId = cycleIdOf(contact);
      const history = historyAfter(
        histories.get(cycleId)!,
        supersededCycles.has(cycleId),
        (writtenFor.get(contact.id) ?? []).map((w) => ({ id: w.id, reminder: w.planned })),
      );
      return [contact.id, upcomingMilestone(contact, history)?.reachedAt ?? null];
    }),
  );
  // Independent writes, sent at once (pipelined on the transaction's connection).
  await Promise.all([
    logEvents(tx, [...started, ...superseded, ...planned]),
    // No activity yet, or excluded: nothing to plan until an activity or an untag replans.
    updateInChunks(
      tx,
      contacts,
      active.map((c) => ({ id: c.id, nextCheckAt: next.get(c.id) ?? null })),
    ),
    clearEngineErrors(tx, locked, at),
  ]);
  return locked.length;
}
