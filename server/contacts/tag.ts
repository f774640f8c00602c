import { and, arrayContains, eq, not, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, engineEvents } from "@/db/schema";
import type { EngineEventType } from "@/server/engine/ledger/events";

/** The timeline events of a tag change. */
export type TagEventType = Extract<EngineEventType, "tag_added" | "tag_removed">;

export type TagChange = {
  tenantId: string;
  contactId: string;
  tag: string;
  /** true: the contact gets the tag; false: it loses it. */
  present: boolean;
  /** Who changed it, for the timeline: "the owner", "the contacts API"… */
  source: string;
  now: Date;
};

/**
 * Adds or removes one tag of a contact. A tag can change what the engine may do
 * (`do-not-contact`), so the contact is due for planning at `now`, as after any other change of
 * its data: the next scan plans it again from the stored tags (an excluded contact gets no next
 * check; sends already planned re-check the tags right before the provider call). The change is
 * logged on the contact's timeline. Returns null when the tenant has no such contact, and
 * `changed: false` when the contact already had (or lacked) the tag.
 */
export async function setContactTag(
  db: Db,
  change: TagChange,
): Promise<{ changed: boolean } | null> {
  const { tenantId, contactId, tag, present, now } = change;
  const has = arrayContains(contacts.tags, [tag]);
  const updated = await db
    .update(contacts)
    .set({
      tags: present
        ? sql`array_append(${contacts.tags}, ${tag}::text)`
        : sql`array_remove(${contacts.tags}, ${tag}::text)`,
      nextCheckAt: now,
      updatedAt: now,
    })
    .where(
      and(eq(contacts.id, contactId), eq(contacts.tenantId, tenantId), present ? not(has) : has),
    )
    .returning({ id: contacts.id });
  if (updated.length === 0) {
    const [exists] = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.tenantId, tenantId)));
    return exists ? { changed: false } : null;
  }
  const type: TagEventType = present ? "tag_added" : "tag_removed";
  await db.insert(engineEvents).values({
    tenantId,
    contactId,
    type,
    at: now,
    reason: present
      ? `Tagged ${tag} by ${change.source}; the engine plans the contact again.`
      : `Tag ${tag} removed by ${change.source}; the engine plans the contact again.`,
    data: { tag },
  });
  return { changed: true };
}
