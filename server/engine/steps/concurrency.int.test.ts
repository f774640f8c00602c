import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { attempts, deliveries, outboxMessages } from "@/db/schema";
import { onPostgresServer, openTestDb } from "@/test/db";
import { recordingProvider } from "@/test/engine";
import { createContact, createTenant } from "@/test/factories";
import { runEngineTick } from "../worker";

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

  it("plan and send every due reminder exactly once", async () => {
    const tenant = await createTenant(first.db, "self_study", "Asia/Ho_Chi_Minh");
    const now = new Date("2026-02-15T03:00:00Z"); // 10:00 local
    for (let i = 0; i < 60; i++) {
      await createContact(first.db, tenant.id, {
        timeZone: "Asia/Ho_Chi_Minh",
        channels: { web_push: "subscribed", zalo: "subscribed" },
        lastActivityAt: new Date(now.getTime() - (3 + i) * 86_400_000),
        nextCheckAt: now,
      });
    }
    const a = recordingProvider(first.db);
    const b = recordingProvider(second.db);
    await Promise.all([
      runEngineTick(first.db, a.provider, now),
      runEngineTick(second.db, b.provider, now),
      runEngineTick(first.db, a.provider, now),
      runEngineTick(second.db, b.provider, now),
    ]);
    const all = await first.db.select().from(deliveries).where(eq(deliveries.tenantId, tenant.id));
    const live = all.filter((d) => d.status !== "superseded" && d.status !== "skipped");
    expect(live).toHaveLength(120);
    expect(live.every((d) => d.status === "sent")).toBe(true);
    const sent = await first.db.select().from(attempts).where(eq(attempts.tenantId, tenant.id));
    expect(sent).toHaveLength(120);
    const outbox = await first.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.tenantId, tenant.id));
    expect(outbox).toHaveLength(120);
    expect(new Set(outbox.map((m) => m.deliveryId)).size).toBe(120);
  });
});
