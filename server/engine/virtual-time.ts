import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { REACTIVATION_MODULE } from "@/server/modules/catalog";
import type { ChannelProvider } from "./channels/provider";
import { planAllDue, sendAllDue } from "./worker";

type NextDue = { check: Date | null; send: Date | null };

/**
 * When the engine next has planning and sending to do (null: nothing waits), in workspaces whose
 * module is active: a paused one's due work waits for its resume. One query.
 */
export async function nextDue(db: Db): Promise<NextDue> {
  const active = (tenantId: SQL) => sql`exists (select 1 from tenant_modules m
    where m.tenant_id = ${tenantId} and m.module_code = ${REACTIVATION_MODULE} and m.state = 'active')`;
  const result = await db.execute(sql`select
    (select min(next_check_at) from contact_checks q where ${active(sql`q.tenant_id`)}) as check,
    (select min(next_attempt_at) from deliveries d
      where status in ('pending', 'sending') and next_attempt_at is not null
        and ${active(sql`d.tenant_id`)}) as send`);
  const [row] = rowsOf<{ check: string | Date | null; send: string | Date | null }>(result);
  const date = (v: string | Date | null | undefined) => (v ? new Date(v) : null);
  return { check: date(row?.check), send: date(row?.send) };
}

/**
 * Runs the engine in virtual time from `from` until before `until`, jumping straight to each
 * instant at which something is due and running only the step that is due then, so reported
 * times are exact and months take milliseconds.
 */
export async function runUntil(
  db: Db,
  provider: ChannelProvider,
  from: Date,
  until: Date,
): Promise<Date> {
  let now = from;
  for (let repeats = 0; ;) {
    const due = await nextDue(db);
    const next = [due.check, due.send]
      .filter((t): t is Date => t !== null)
      .reduce<Date | null>((a, b) => (a && a <= b ? a : b), null);
    if (!next || next >= until) return now;
    // Work left due at `now` (a send asks for a replan) runs at the same instant.
    repeats = next <= now ? repeats + 1 : 0;
    if (repeats > 5) throw new Error(`The engine does not settle at ${now.toISOString()}`);
    if (next > now) now = next;
    if (due.check && due.check <= now) await planAllDue(db, now);
    if (due.send && due.send <= now) await sendAllDue(db, provider, now);
  }
}
