import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contacts, engineEvents, links } from "@/db/schema";
import { createTenant } from "@/test/factories";
import { openTestDb } from "@/test/db";
import { insertInChunks, updateInChunks } from "./bulk";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

/** Text that an array literal or JSON could mangle if it were not escaped. */
const awkward = [
  'a "quoted" word',
  'back\\slash \\\\ and \\"',
  "{braces},commas,(parens)",
  "NULL",
  "null",
  "",
  " leading and trailing ",
  "line\nbreak\ttab",
  "Phan Diễm Hương 🎉",
];

describe("bulk writes keep every value as it was", () => {
  it("inserts and updates text, enums, nulls, timestamps and JSON exactly", async () => {
    const { db } = handle;
    const tenantId = randomUUID();
    const contactId = randomUUID();
    const at = new Date("2026-03-29T01:59:59.123Z");
    const events = awkward.map((reason, i) => ({
      id: randomUUID(),
      tenantId,
      contactId,
      cycleId: i % 2 ? randomUUID() : null,
      reminderId: null,
      deliveryId: null,
      type: `type_${i}`,
      at: new Date(at.getTime() + i),
      reason,
      data: { reason, nested: { list: [reason, null, i] } },
    }));
    await insertInChunks(db, engineEvents, events);
    const stored = await db
      .select()
      .from(engineEvents)
      .where(eq(engineEvents.contactId, contactId))
      .orderBy(asc(engineEvents.at));
    expect(stored.map(({ seq: _, ...row }) => row)).toEqual(events);

    const rows = awkward.map((target, i) => ({
      id: `bulk${String(i).padStart(7, "0")}`,
      tenantId,
      contactId,
      deliveryId: null,
      createdAt: at,
      entries: [{ tag: "t0000", kind: "tracked" as const, target, expiresAt: at.toISOString() }],
    }));
    await insertInChunks(db, links, rows);
    const updated = rows.map((r, i) => ({
      id: r.id,
      deliveryId: i % 3 ? null : randomUUID(),
      entries: r.entries.map((e) => ({ ...e, target: `${e.target}?again="yes"` })),
    }));
    await updateInChunks(db, links, updated);
    const after = await db
      .select({ id: links.id, deliveryId: links.deliveryId, entries: links.entries })
      .from(links)
      .where(eq(links.contactId, contactId))
      .orderBy(asc(links.id));
    expect(after).toEqual(updated);
  });

  it("writes columns that are arrays themselves (a contact's tags)", async () => {
    const { db } = handle;
    const tenant = await createTenant(db);
    const tags = ['vip "gold"', "a,b", "{x}", "NULL"];
    const ids = await insertInChunks(
      db,
      contacts,
      [{ id: randomUUID(), tenantId: tenant.id, externalId: "bulk-1", tags }],
      { returnIds: true },
    );
    const [row] = await db.select().from(contacts).where(eq(contacts.id, ids[0]!));
    expect(row!.tags).toEqual(tags);
  });
});
