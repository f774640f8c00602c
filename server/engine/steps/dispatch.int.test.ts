import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { contacts, deliveries } from "@/db/schema";
import { onPostgresServer, openTestDb } from "@/test/db";
import { deliveriesOf } from "@/test/engine";
import { createContact, createTenant } from "@/test/factories";
import { dispatchDue } from "./dispatch";
import { plan } from "./plan";

let handle: DbHandle & { url?: string };
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const hcm = "Asia/Ho_Chi_Minh";
// Last exercise Jan 1 21:00 local: streak_lost is due Jan 3 08:00 local on both channels.
const last = new Date("2026-01-01T14:00:00Z");
const due = new Date("2026-01-03T01:00:00Z");

/** Learners whose streak_lost reminder waits on web push and Zalo, due at `due`. */
async function learnersDue(n: number) {
  const tenant = await createTenant(handle.db, "self_study", hcm);
  const made = [];
  for (let i = 0; i < n; i++) {
    const contact = await createContact(handle.db, tenant.id, {
      timeZone: hcm,
      channels: { web_push: "subscribed", zalo: "subscribed" },
      lastActivityAt: last,
      nextCheckAt: last,
    });
    await plan(handle.db, contact.id, new Date("2026-01-02T17:00:00Z"));
    const pending = await deliveriesOf(handle.db, contact.id);
    expect(pending.map((d) => [d.channel, d.status, d.dueAt])).toEqual([
      ["web_push", "pending", due],
      ["zalo", "pending", due],
    ]);
    made.push({ contact, deliveries: pending.map((d) => d.id).sort() });
  }
  return made;
}

describe("a claim takes a contact's due deliveries together (SPEC §2)", () => {
  it("a batch of one delivery claims both of its contact's channels, and nothing of the next contact", async () => {
    const [first, second] = await learnersDue(2);
    const claimed = (await dispatchDue(handle.db, due, 1)).map((d) => d.id).sort();
    // Whichever contact's delivery comes first in the queue, its sibling comes with it.
    const owner = [first!, second!].find((c) => c.deliveries.includes(claimed[0]!))!;
    expect(claimed).toEqual(owner.deliveries);
    const other = owner === first ? second! : first!;
    const rest = (await dispatchDue(handle.db, due, 1)).map((d) => d.id).sort();
    expect(rest).toEqual(other.deliveries);
    expect(await dispatchDue(handle.db, due, 1)).toEqual([]);
  });
});

/**
 * Another worker's transaction on its own connection: it does `work` and stays open, holding
 * what `work` locked, until `release` commits it.
 */
async function holdOpen(work: (tx: DbHandle["db"]) => Promise<unknown>) {
  const other = await openDatabase({ url: handle.url! });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let worked!: () => void;
  const isWorked = new Promise<void>((resolve) => (worked = resolve));
  const holding = other.db.transaction(async (tx) => {
    await work(tx);
    worked();
    await released;
  });
  await isWorked;
  let ended: Promise<void> | undefined;
  return {
    /** Commits and closes the connection; once, however often it is called. */
    release: () => {
      release();
      return (ended ??= holding.finally(() => other.close()));
    },
  };
}

/** Another worker's step holding the contact's lock, as sending and planning do. */
const holdContact = (contactId: string) =>
  holdOpen((tx) => tx.select().from(contacts).where(eq(contacts.id, contactId)).for("update"));

// Real concurrency needs a server: PGlite runs one statement at a time.
describe.skipIf(!onPostgresServer)("a contact another worker holds", () => {
  // The instant the second contact's deliveries are moved to, behind the first's.
  const later = new Date(due.getTime() + 60_000);

  it("is skipped at once, not waited for, and claimed once it is free", async () => {
    const [held, free] = await learnersDue(2);
    const hold = await holdContact(held!.contact.id);
    try {
      const claimed = (await dispatchDue(handle.db, due, 10)).map((d) => d.id).sort();
      expect(claimed).toEqual(free!.deliveries);
    } finally {
      await hold.release();
    }
    const later = (await dispatchDue(handle.db, due, 10)).map((d) => d.id).sort();
    expect(later).toEqual(held!.deliveries);
  });

  it("does not cost a claim beside it its batch: the next contacts are taken", async () => {
    const [held, next] = await learnersDue(2);
    // The held contact's deliveries come first in the queue and fill a batch of two.
    await handle.db
      .update(deliveries)
      .set({ nextAttemptAt: later })
      .where(eq(deliveries.contactId, next!.contact.id));
    const hold = await holdContact(held!.contact.id);
    try {
      const claimed = (await dispatchDue(handle.db, later, 2)).map((d) => d.id).sort();
      expect(claimed).toEqual(next!.deliveries);
    } finally {
      await hold.release();
    }
  });

  // Another claim took the first contact's deliveries and commits while this one runs: in this
  // claim's snapshot they still look due and the contact is not locked (a claim locks it only
  // while it claims), so the first contact was taken, its deliveries then found claimed, and
  // the claim came back empty with the next contact due. An empty claim ends a sender's loop:
  // at 1M contacts one of two senders stopped after 47 of 201 batches.
  it("passes over deliveries another claim is taking, and takes the next contact's", async () => {
    // Deliveries the tests above left pending would come first: claim them out of the way.
    await dispatchDue(handle.db, due, 100);
    const [first, next] = await learnersDue(2);
    await handle.db
      .update(deliveries)
      .set({ nextAttemptAt: later })
      .where(eq(deliveries.contactId, next!.contact.id));
    // The other claim, not yet committed: its deliveries are leased past `later`.
    const otherClaim = await holdOpen((tx) =>
      tx
        .update(deliveries)
        .set({ status: "sending", nextAttemptAt: new Date(later.getTime() + 600_000) })
        .where(eq(deliveries.contactId, first!.contact.id)),
    );
    try {
      const claiming = dispatchDue(handle.db, later, 1);
      // The other claim commits while this one may be waiting on its rows.
      setTimeout(() => void otherClaim.release(), 200);
      const claimed = (await claiming).map((d) => d.id).sort();
      expect(claimed).toEqual(next!.deliveries);
    } finally {
      await otherClaim.release();
    }
  });
});
