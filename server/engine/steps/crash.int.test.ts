import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { attempts } from "@/db/schema";
import { openTestDb, onPostgresServer } from "@/test/db";
import { deliveriesOf, outboxOf } from "@/test/engine";
import { createContact, createTenant } from "@/test/factories";
import { outboxProvider } from "../channels/outbox-provider";
import { runEngineTick } from "../worker";
import { CLAIM_LEASE_MS } from "./dispatch";
import { plan } from "./plan";

const run = promisify(execFile);

// A killed process and a restart need a database that outlives the process: a server.
describe.skipIf(!onPostgresServer)("a worker process killed mid-send, then a restart", () => {
  let handle: DbHandle & { url?: string };
  beforeAll(async () => {
    handle = await openTestDb();
  });
  afterAll(() => handle?.close());

  async function dueContact() {
    const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    const contact = await createContact(handle.db, tenant.id, {
      timeZone: "Asia/Ho_Chi_Minh",
      channels: { zalo: "subscribed" },
      lastActivityAt: new Date("2026-01-01T03:00:00Z"),
    });
    const now = new Date("2026-01-03T01:00:00Z");
    await plan(handle.db, contact.id, now);
    return { contact, now };
  }

  it.each(["after-claim", "after-provider"] as const)(
    "killed %s: nothing lost, nothing sent twice",
    async (mode) => {
      const { contact, now } = await dueContact();
      // The worker is the direct child, so the kill shows as its signal.
      const args = [
        "--import",
        "tsx",
        "test/crash-worker.ts",
        handle.url!,
        mode,
        now.toISOString(),
      ];
      const killed = await run(process.execPath, args).catch((error: { signal?: string }) => error);
      expect((killed as { signal?: string }).signal).toBe("SIGKILL");
      const [zalo] = (await deliveriesOf(handle.db, contact.id)).filter(
        (d) => d.channel === "zalo",
      );
      expect(zalo!.status).toBe("sending");
      expect(await outboxOf(handle.db, contact.id)).toHaveLength(mode === "after-provider" ? 1 : 0);

      // The restarted worker takes the claim over once its lease has run out.
      const later = new Date(now.getTime() + CLAIM_LEASE_MS + 1_000);
      await runEngineTick(handle.db, outboxProvider(handle.db), later);
      const [after] = (await deliveriesOf(handle.db, contact.id)).filter(
        (d) => d.channel === "zalo",
      );
      expect(after).toMatchObject({ status: "sent", attemptCount: 1 });
      expect(await outboxOf(handle.db, contact.id)).toHaveLength(1);
      const tries = await handle.db
        .select()
        .from(attempts)
        .where(eq(attempts.deliveryId, after!.id));
      expect(tries.map((t) => [t.number, t.outcome])).toEqual([[1, "sent"]]);
    },
    60_000,
  );
});
