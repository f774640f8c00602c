import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { setChannelState } from "@/server/preferences/channel-state";
import { onPostgresServer, openTestDb } from "@/test/db";
import { createContact, createTenant } from "@/test/factories";
import type { AnalyticsEvent } from "./posthog-events";
import { forwardLedger, type AnalyticsSink } from "./forward";

/*
 * The forwarder's cursor over `seq`s handed out at insert but visible at commit: an event
 * committed after a later one is not passed over, and a rolled-back one does not stop the
 * reader for good. Unsubscribes are the events here (one statement, a ledger event each).
 */

let handle: DbHandle;
const now = new Date("2026-01-05T15:00:00Z");
const sent: AnalyticsEvent[] = [];
const sink: AnalyticsSink = async (events) => void sent.push(...events);

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

async function customer() {
  const tenant = await createTenant(handle.db);
  const contact = await createContact(handle.db, tenant.id, {
    channels: { email: "subscribed", sms: "subscribed" },
  });
  const unsubscribe = (db: Db) =>
    setChannelState(db, {
      tenantId: tenant.id,
      contactId: contact.id,
      channel: "email",
      state: "unsubscribed",
      source: "the unsubscribe link",
      now,
    });
  return { contact, unsubscribe };
}

/** A transaction that logs an event and stays open until `end` is called. */
function openTransaction(work: (tx: Db) => Promise<unknown>) {
  let end!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => (end = resolve));
  let logged!: () => void;
  const ready = new Promise<void>((resolve) => (logged = resolve));
  const done = handle.db
    .transaction(async (tx) => {
      await work(tx);
      logged();
      if (!(await decided)) throw new Error("rolled back on purpose");
    })
    .catch((error: Error) => {
      if (error.message !== "rolled back on purpose") throw error;
    });
  return { ready, end: async (commit: boolean) => (end(commit), done) };
}

describe("the forwarder's cursor over the ledger's seq", () => {
  it("a rolled-back event leaves a gap the reader waits on once, then passes", async () => {
    await forwardLedger(handle.db, sink, now, { cursor: "rollback" });
    const [rolledBack, kept] = [await customer(), await customer()];
    const tx = openTransaction((db) => rolledBack.unsubscribe(db));
    // PGlite runs one transaction at a time: the later event can only follow the rollback there.
    if (!onPostgresServer) await tx.end(false);
    else await tx.ready;
    await kept.unsubscribe(handle.db);
    if (onPostgresServer) await tx.end(false);

    sent.length = 0;
    const first = await forwardLedger(handle.db, sink, now, { cursor: "rollback" });
    expect(first).toMatchObject({ forwarded: 0, waiting: true });
    // Once every transaction that was running at the first run has ended (on a shared server,
    // other databases' too), the gap is final and the reader passes it.
    // Other test files' transactions on the same server may take seconds on a busy machine.
    await vi.waitFor(
      async () => {
        await forwardLedger(handle.db, sink, now, { cursor: "rollback" });
        expect(sent.map((e) => e.distinctId)).toEqual([kept.contact.id]);
      },
      { timeout: 45_000, interval: 200 },
    );
  });

  it.skipIf(!onPostgresServer)(
    "an event committed after a later one is forwarded, in seq order, not passed over",
    async () => {
      await forwardLedger(handle.db, sink, now, { cursor: "in-flight" });
      const [slow, fast] = [await customer(), await customer()];
      const tx = openTransaction((db) => slow.unsubscribe(db));
      await tx.ready;
      await fast.unsubscribe(handle.db);

      sent.length = 0;
      // The slow transaction's event has the lower seq and is not visible yet: wait for it.
      expect(await forwardLedger(handle.db, sink, now, { cursor: "in-flight" })).toMatchObject({
        forwarded: 0,
        waiting: true,
      });
      // Still running at the next run: still waiting.
      expect(await forwardLedger(handle.db, sink, now, { cursor: "in-flight" })).toMatchObject({
        forwarded: 0,
        waiting: true,
      });
      await tx.end(true);
      expect(await forwardLedger(handle.db, sink, now, { cursor: "in-flight" })).toMatchObject({
        forwarded: 2,
        waiting: false,
      });
      expect(sent.map((e) => e.distinctId)).toEqual([slow.contact.id, fast.contact.id]);
    },
  );
});
