import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { contactChecks, contacts } from "@/db/schema";
import { openTestDb } from "@/test/db";
import { createContact, createTenant } from "@/test/factories";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const at = (iso: string) => new Date(iso);
const queued = async (contactId: string) =>
  (
    await handle.db
      .select({ at: contactChecks.nextCheckAt, tenantId: contactChecks.tenantId })
      .from(contactChecks)
      .where(eq(contactChecks.contactId, contactId))
  )[0] ?? null;
const setNextCheck = (id: string, nextCheckAt: Date | null) =>
  handle.db.update(contacts).set({ nextCheckAt }).where(eq(contacts.id, id));

describe("the planning queue follows contacts.next_check_at (migration 0020)", () => {
  it("a contact created with a next check is queued; one without is not", async () => {
    const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    const due = await createContact(handle.db, tenant.id, { nextCheckAt: at("2026-03-01T00:00Z") });
    const idle = await createContact(handle.db, tenant.id, { nextCheckAt: null });
    expect(await queued(due.id)).toEqual({ at: at("2026-03-01T00:00Z"), tenantId: tenant.id });
    expect(await queued(idle.id)).toBeNull();
  });

  it("moving, clearing and setting a next check moves, removes and adds its queue row", async () => {
    const tenant = await createTenant(handle.db, "self_study", "America/Los_Angeles");
    const a = await createContact(handle.db, tenant.id, { nextCheckAt: at("2026-03-01T00:00Z") });
    const b = await createContact(handle.db, tenant.id, { nextCheckAt: at("2026-03-02T00:00Z") });
    const c = await createContact(handle.db, tenant.id, { nextCheckAt: null });
    // One statement moving all three, as the engine's batches do.
    await handle.db.execute(sql`update contacts set next_check_at = case id
        when ${a.id}::uuid then '2026-04-01T00:00Z'::timestamptz
        when ${c.id}::uuid then '2026-05-01T00:00Z'::timestamptz end
      where id in (${a.id}::uuid, ${b.id}::uuid, ${c.id}::uuid)`);
    expect((await queued(a.id))?.at).toEqual(at("2026-04-01T00:00Z"));
    expect(await queued(b.id)).toBeNull();
    expect((await queued(c.id))?.at).toEqual(at("2026-05-01T00:00Z"));
  });

  it("an update of other columns leaves the queue as it was; an upsert moves it", async () => {
    const tenant = await createTenant(handle.db, "self_study", "Pacific/Kiritimati");
    const a = await createContact(handle.db, tenant.id, { nextCheckAt: at("2026-03-01T00:00Z") });
    await handle.db
      .update(contacts)
      .set({ tags: ["vip"] })
      .where(eq(contacts.id, a.id));
    expect((await queued(a.id))?.at).toEqual(at("2026-03-01T00:00Z"));
    await handle.db
      .insert(contacts)
      .values({
        tenantId: tenant.id,
        externalId: a.externalId,
        nextCheckAt: at("2026-06-01T00:00Z"),
      })
      .onConflictDoUpdate({
        target: [contacts.tenantId, contacts.externalId],
        set: { nextCheckAt: at("2026-06-01T00:00Z") },
      });
    expect((await queued(a.id))?.at).toEqual(at("2026-06-01T00:00Z"));
  });

  it("deleting a contact deletes its queue row", async () => {
    const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    const a = await createContact(handle.db, tenant.id, { nextCheckAt: at("2026-03-01T00:00Z") });
    await handle.db.delete(contacts).where(eq(contacts.id, a.id));
    expect(await queued(a.id)).toBeNull();
  });

  it("a rolled-back move leaves the queue as it was", async () => {
    const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    const a = await createContact(handle.db, tenant.id, { nextCheckAt: at("2026-03-01T00:00Z") });
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.update(contacts).set({ nextCheckAt: null }).where(eq(contacts.id, a.id));
        throw new Error("step failed");
      }),
    ).rejects.toThrow("step failed");
    expect((await queued(a.id))?.at).toEqual(at("2026-03-01T00:00Z"));
  });

  it("the queue holds exactly the contacts with a next check, after random moves", async () => {
    const tenant = await createTenant(handle.db, "self_study", "Europe/London");
    const ids = [];
    for (let i = 0; i < 12; i++)
      ids.push((await createContact(handle.db, tenant.id, { nextCheckAt: null })).id);
    for (let round = 0; round < 6; round++)
      for (const [i, id] of ids.entries()) {
        const k = (i * 7 + round * 5) % 4;
        await setNextCheck(id, k === 0 ? null : at(`2026-0${k + 2}-0${round + 1}T00:00Z`));
      }
    const expected = rowsOf<{ id: string; next_check_at: string | Date }>(
      await handle.db.execute(sql`select id, next_check_at from contacts
        where tenant_id = ${tenant.id} and next_check_at is not null order by id`),
    ).map((r) => [r.id, new Date(r.next_check_at).toISOString()]);
    const actual = rowsOf<{ contact_id: string; next_check_at: string | Date }>(
      await handle.db.execute(sql`select contact_id, next_check_at from contact_checks
        where tenant_id = ${tenant.id} order by contact_id`),
    ).map((r) => [r.contact_id, new Date(r.next_check_at).toISOString()]);
    expect(actual).toEqual(expected);
    expect(actual.length).toBeGreaterThan(0);
  });

  // Why the queue is its own table: an index on `contacts` over a column the engine moves in
  // every batch would make each of those updates write all of its indexes again.
  it("moving a next check and tagging a contact are HOT updates of contacts (no index writes)", async () => {
    const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    const a = await createContact(handle.db, tenant.id, { nextCheckAt: at("2026-03-01T00:00Z") });
    // The counters also hold earlier statements not yet flushed to the statistics: compare.
    const counts = async (tx: typeof handle.db) =>
      rowsOf<{ updates: string | number; hot: string | number }>(
        await tx.execute(sql`select n_tup_upd as updates, n_tup_hot_upd as hot
          from pg_stat_xact_user_tables where relid = 'contacts'::regclass`),
      ).map((r) => ({ updates: Number(r.updates), hot: Number(r.hot) }))[0]!;
    const { before, after } = await handle.db.transaction(async (tx) => {
      const before = await counts(tx);
      await tx
        .update(contacts)
        .set({ nextCheckAt: at("2026-04-01T00:00Z") })
        .where(eq(contacts.id, a.id));
      await tx
        .update(contacts)
        .set({ tags: ["reactivation:month"], channels: { sms: "unreachable" } })
        .where(eq(contacts.id, a.id));
      return { before, after: await counts(tx) };
    });
    expect(after.updates - before.updates).toBe(2);
    expect(after.hot - before.hot).toBe(2);
  });
});
