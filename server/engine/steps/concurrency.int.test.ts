import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db, type DbHandle } from "@/db/client";
import { attempts, contacts, deliveries, outboxMessages } from "@/db/schema";
import { onPostgresServer, openTestDb } from "@/test/db";
import { recordingProvider } from "@/test/engine";
import { createContact, createKey, createTenant } from "@/test/factories";
import { apiRequest } from "@/test/api-request";
import { runBatch } from "@/server/http/batch-request";
import { contactsBatch } from "@/server/http/endpoints";
import type { ChannelProvider } from "../channels/provider";
import { runEngineTick, startEmbeddedWorker } from "../worker";

// Real concurrency needs a server: PGlite runs one statement at a time.
describe.skipIf(!onPostgresServer)("two workers on one Postgres", () => {
  let first: DbHandle & { url?: string };
  let second: DbHandle;
  beforeAll(async () => {
    first = await openTestDb();
    second = await openDatabase({ url: first.url! });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  /** 60 learners due at `now` on web push and Zalo: 120 messages to send, once each. */
  async function dueLearners(now: Date) {
    const tenant = await createTenant(first.db, "self_study", "Asia/Ho_Chi_Minh");
    for (let i = 0; i < 60; i++) {
      await createContact(first.db, tenant.id, {
        timeZone: "Asia/Ho_Chi_Minh",
        channels: { web_push: "subscribed", zalo: "subscribed" },
        lastActivityAt: new Date(now.getTime() - (3 + i) * 86_400_000),
        nextCheckAt: now,
      });
    }
    return tenant;
  }

  async function expectEachSentOnce(tenantId: string) {
    const all = await first.db.select().from(deliveries).where(eq(deliveries.tenantId, tenantId));
    const live = all.filter((d) => d.status !== "superseded" && d.status !== "skipped");
    expect(live).toHaveLength(120);
    expect(live.every((d) => d.status === "sent")).toBe(true);
    const sent = await first.db.select().from(attempts).where(eq(attempts.tenantId, tenantId));
    expect(sent).toHaveLength(120);
    const outbox = await first.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.tenantId, tenantId));
    expect(outbox).toHaveLength(120);
    expect(new Set(outbox.map((m) => m.deliveryId)).size).toBe(120);
  }

  it("plan and send every due reminder exactly once", async () => {
    const now = new Date("2026-02-15T03:00:00Z"); // 10:00 local
    const tenant = await dueLearners(now);
    const a = recordingProvider(first.db);
    const b = recordingProvider(second.db);
    await Promise.all([
      runEngineTick(first.db, a.provider, now),
      runEngineTick(second.db, b.provider, now),
      runEngineTick(first.db, a.provider, now),
      runEngineTick(second.db, b.provider, now),
    ]);
    await expectEachSentOnce(tenant.id);
  });

  it("the embedded worker's two loops send every due reminder exactly once", async () => {
    const now = new Date("2026-02-16T03:00:00Z");
    const tenant = await dueLearners(now);
    const { provider } = recordingProvider(first.db);
    let sent = 0;
    const counting: ChannelProvider = {
      send: async (message, options) => {
        const result = await provider.send(message, options);
        sent++;
        return result;
      },
    };
    const lines: string[] = [];
    const stop = startEmbeddedWorker({
      db: first.db,
      provider: counting,
      intervalMs: 250,
      loops: 2,
      clock: () => now,
      log: (line) => lines.push(line),
    });
    await expect.poll(() => lines.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await stop();
    await expectEachSentOnce(tenant.id);
    // The tick's log counts the sends of both loops (other tests' due contacts may join in).
    expect(sent).toBeGreaterThanOrEqual(120);
    const logged = lines.map((line) => Number(/"sent":(\d+)/.exec(line)?.[1] ?? 0));
    expect(logged.reduce((a, b) => a + b, 0)).toBe(sent);
  });

  it("an upsert of contacts and an engine step on the same contacts never wait on each other in a cycle", async () => {
    const tenant = await createTenant(first.db, "self_study", "Asia/Ho_Chi_Minh");
    const now = new Date("2026-02-15T03:00:00Z");
    const made = [];
    for (let i = 0; i < 10; i++)
      made.push(await createContact(first.db, tenant.id, { lastActivityAt: now }));
    // External ids in the reverse order of the ids: locking in external-id order would take the
    // highest id first, while every engine step locks in id order.
    const byId = [...made].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const [i, c] of byId.entries())
      await first.db
        .update(contacts)
        .set({ externalId: `z-${String(99 - i)}` })
        .where(eq(contacts.id, c.id));
    const key = await createKey(first.db, tenant.id);
    const lock = (tx: Db, id: string) =>
      tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id)).for("update");

    let upsert: Promise<Response> | undefined;
    // An engine step holding the lowest id and then asking for the highest, as steps do.
    await first.db.transaction(async (tx) => {
      await lock(tx, byId[0]!.id);
      upsert = runBatch(
        second.db,
        apiRequest("/api/v1/contacts", key, {
          contacts: byId.map((_, i) => ({ externalId: `z-${99 - i}`, name: `Renamed ${i}` })),
        }),
        contactsBatch,
        now,
      );
      // Give the upsert time to take every lock it can before it waits.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await lock(tx, byId.at(-1)!.id);
    });
    expect((await upsert!).status).toBe(200);
  });
});
