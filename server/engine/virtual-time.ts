import { and, inArray, isNotNull, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, deliveries } from "@/db/schema";
import type { ChannelProvider } from "./channels/provider";
import { runEngineTick } from "./worker";

/** The earliest instant at which the engine has something to do, or null when nothing waits. */
export async function nextDueInstant(db: Db): Promise<Date | null> {
  const [check] = await db
    .select({ at: min(contacts.nextCheckAt) })
    .from(contacts)
    .where(isNotNull(contacts.nextCheckAt));
  const [send] = await db
    .select({ at: min(deliveries.nextAttemptAt) })
    .from(deliveries)
    .where(
      and(inArray(deliveries.status, ["pending", "sending"]), isNotNull(deliveries.nextAttemptAt)),
    );
  const times = [check?.at, send?.at]
    .filter((t): t is Date => t instanceof Date || typeof t === "string")
    .map((t) => new Date(t));
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

/**
 * Runs the engine in virtual time from `from` until before `until`, jumping straight to each
 * instant at which something is due, so reported times are exact and months take milliseconds.
 */
export async function runUntil(
  db: Db,
  provider: ChannelProvider,
  from: Date,
  until: Date,
): Promise<Date> {
  let now = from;
  for (let repeats = 0; ;) {
    await runEngineTick(db, provider, now);
    const next = await nextDueInstant(db);
    if (!next || next >= until) return now;
    // Work a tick left due at `now` (a send asks for a replan) runs at the same instant.
    repeats = next <= now ? repeats + 1 : 0;
    if (repeats > 5) throw new Error(`The engine does not settle at ${now.toISOString()}`);
    if (next > now) now = next;
  }
}
