import { and, desc, eq, lt, or, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, deliveries } from "@/db/schema";
import { recordActivity } from "../steps/record-activity";
import { recordClick } from "../steps/record-click";
import type { Scenario } from "./scenario";

type ScenarioEvent = Scenario["events"][number];

/** Applies one scenario event at its instant, the way the app's own entry points would. */
export async function applyEvent(db: Db, contactId: string, event: ScenarioEvent): Promise<void> {
  const at = new Date(event.at);
  const contact = eq(contacts.id, contactId);
  switch (event.type) {
    case "activity":
      await db
        .update(contacts)
        .set({ lastActivityAt: at })
        .where(and(contact, or(isNull(contacts.lastActivityAt), lt(contacts.lastActivityAt, at))));
      return recordActivity(db, contactId, at);
    case "click": {
      // The link of the most recent reminder delivered on that channel.
      const [latest] = await db
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(
          and(
            eq(deliveries.contactId, contactId),
            eq(deliveries.channel, event.channel),
            eq(deliveries.status, "sent"),
          ),
        )
        .orderBy(desc(deliveries.finishedAt))
        .limit(1);
      if (latest) await recordClick(db, latest.id, at);
      return;
    }
    case "subscribe":
    case "unsubscribe": {
      const state = event.type === "subscribe" ? "subscribed" : "unsubscribed";
      await db
        .update(contacts)
        .set({
          channels: sql`${contacts.channels} || ${JSON.stringify({ [event.channel]: state })}::jsonb`,
          nextCheckAt: at,
        })
        .where(contact);
      return;
    }
    case "tag":
    case "untag": {
      const tags =
        event.type === "tag"
          ? sql`array_append(array_remove(${contacts.tags}, ${event.tag}), ${event.tag})`
          : sql`array_remove(${contacts.tags}, ${event.tag})`;
      await db.update(contacts).set({ tags, nextCheckAt: at }).where(contact);
      return;
    }
  }
}
