import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { anyOf, insertInChunks } from "@/db/bulk";
import { activityEvents, contacts, deliveries, tenants } from "@/db/schema";
import { setChannelState } from "@/server/preferences/channel-state";
import { recordActivities } from "../steps/record-activity";
import { recordClicks } from "../steps/record-click";
import type { Scenario } from "./scenario";

type ScenarioEvent = Scenario["events"][number];
export type ContactEvent = { contactId: string; event: ScenarioEvent };

/**
 * Applies scenario events at their instants, the way the app's own entry points would: at most
 * one per contact (so their order within the batch does not matter), the activities and the
 * clicks of the whole batch in one step each.
 */
export async function applyEvents(db: Db, list: ContactEvent[]): Promise<void> {
  await storeActivity(db, list);
  await recordReturns(
    db,
    list.filter((e) => e.event.type === "activity"),
  );
  await recordLinkOpens(
    db,
    list.filter((e) => e.event.type === "click"),
  );
  for (const e of list) await applyContactChange(db, e);
}

/**
 * Activities and purchases are stored as the activity API stores them, with their revenue (SPEC
 * §1.8 counts it); only activities then move the last activity.
 */
async function storeActivity(db: Db, list: ContactEvent[]): Promise<void> {
  const stored = list.flatMap(({ contactId, event }) =>
    event.type === "activity" || event.type === "purchase" ? [{ contactId, event }] : [],
  );
  if (stored.length === 0) return;
  const owners = await db
    .select({ id: contacts.id, tenantId: contacts.tenantId, kind: tenants.kind })
    .from(contacts)
    .innerJoin(tenants, eq(tenants.id, contacts.tenantId))
    .where(
      anyOf(
        contacts.id,
        stored.map((e) => e.contactId),
      ),
    );
  const ownerOf = new Map(owners.map((o) => [o.id, o]));
  await insertInChunks(
    db,
    activityEvents,
    stored.map(({ contactId, event }) => {
      const { tenantId, kind } = ownerOf.get(contactId)!;
      return {
        tenantId,
        contactId,
        externalId: crypto.randomUUID(),
        kind:
          event.type === "purchase"
            ? ("purchase" as const)
            : kind === "home_services"
              ? ("job_completed" as const)
              : ("exercise_completed" as const),
        occurredAt: new Date(event.at),
        revenueMinor: event.revenueMinor ?? 0,
        currency: event.currency ?? null,
      };
    }),
  );
}

/** A scenario's activity is recorded at its own instant, by the step every entry point uses. */
async function recordReturns(db: Db, list: ContactEvent[]): Promise<void> {
  await recordActivities(
    db,
    list.map((e) => ({
      contactId: e.contactId,
      activityAt: new Date(e.event.at),
      at: new Date(e.event.at),
    })),
  );
}

/** A click opens the link of the most recent reminder delivered on its channel. */
async function recordLinkOpens(db: Db, list: ContactEvent[]): Promise<void> {
  if (list.length === 0) return;
  const latest = await db
    .selectDistinctOn([deliveries.contactId, deliveries.channel], {
      id: deliveries.id,
      contactId: deliveries.contactId,
      channel: deliveries.channel,
    })
    .from(deliveries)
    .where(
      and(
        anyOf(
          deliveries.contactId,
          list.map((e) => e.contactId),
        ),
        eq(deliveries.status, "sent"),
      ),
    )
    .orderBy(deliveries.contactId, deliveries.channel, desc(deliveries.finishedAt));
  const sent = new Map(latest.map((d) => [`${d.contactId}/${d.channel}`, d.id]));
  await recordClicks(
    db,
    list.flatMap(({ contactId, event }) => {
      const deliveryId = event.type === "click" && sent.get(`${contactId}/${event.channel}`);
      return deliveryId ? [{ deliveryId, at: new Date(event.at) }] : [];
    }),
  );
}

async function applyContactChange(db: Db, { contactId, event }: ContactEvent): Promise<void> {
  const at = new Date(event.at);
  const contact = eq(contacts.id, contactId);
  switch (event.type) {
    case "subscribe":
    case "unsubscribe": {
      const [row] = await db.select({ tenantId: contacts.tenantId }).from(contacts).where(contact);
      await setChannelState(db, {
        tenantId: row!.tenantId,
        contactId,
        channel: event.channel,
        state: event.type === "subscribe" ? "subscribed" : "unsubscribed",
        source: "the scenario",
        now: at,
      });
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
