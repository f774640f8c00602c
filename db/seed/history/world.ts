import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { anyOf } from "@/db/bulk";
import { contacts, tenantSettings, tenants } from "@/db/schema";
import { channel as channelEnum } from "@/db/schema/enums";
import type { ContactEvent } from "@/server/engine/simulate/apply-event";
import type { Reactions } from "@/server/engine/simulate/contact-clocks";
import type { HistoryContact } from "./contact";
import { failuresOf } from "./failures";
import { ownActivity } from "./life";
import { reactionTo } from "./reactions";

/**
 * The demo contacts' world over the year: what each does on its own, what the reminders bring
 * about (`react`, told of every message that reached someone), and which provider calls fail.
 * Keeps every event it made, so a stretch of the year gets the events reactions in an earlier
 * stretch scheduled into it.
 */
export async function demoWorld(db: Db, contactIds: string[], start: Date, end: Date) {
  const people = await historyContacts(db, contactIds);
  const byId = new Map(people.map((c) => [c.id, c]));
  const scheduled: ContactEvent[] = people.flatMap((c) => ownActivity(c, start, end));
  const react: Reactions = (message, at) => {
    const events = reactionTo(byId.get(message.contactId)!, message, at).filter(
      (e) => Date.parse(e.event.at) < end.getTime(),
    );
    scheduled.push(...events);
    return events;
  };
  return {
    failures: failuresOf(people),
    externalIdOf: (id: string) => byId.get(id)!.externalId,
    react,
    /** The events in [from, to), sorted by time (the order they were made in on ties). */
    eventsIn(from: Date, to: Date): ContactEvent[] {
      return scheduled
        .filter((e) => Date.parse(e.event.at) >= from.getTime() && Date.parse(e.event.at) < +to)
        .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at));
    },
  };
}

async function historyContacts(db: Db, ids: string[]): Promise<HistoryContact[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: contacts.id,
      externalId: contacts.externalId,
      timeZone: contacts.timeZone,
      lastActivityAt: contacts.lastActivityAt,
      channels: contacts.channels,
      kind: tenants.kind,
      tenantZone: tenants.timeZone,
      // As the seed wrote them a moment ago (the history changes no settings).
      settings: tenantSettings.settings,
    })
    .from(contacts)
    .innerJoin(tenants, eq(tenants.id, contacts.tenantId))
    .innerJoin(tenantSettings, eq(tenantSettings.tenantId, contacts.tenantId))
    .where(anyOf(contacts.id, ids))
    .orderBy(contacts.externalId);
  return rows.map((row) => {
    const { cadence, channels } = row.settings;
    const stages = cadence.stages.map((s) => s.key);
    if (cadence.recurringEveryDays) stages.push("recurring");
    return {
      id: row.id,
      externalId: row.externalId,
      kind: row.kind,
      zone: row.timeZone ?? row.tenantZone,
      lastActivityAt: row.lastActivityAt,
      channels: channelEnum.enumValues.filter(
        (c) => channels.includes(c) && row.channels[c] === "subscribed",
      ),
      stages,
    };
  });
}
