import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contacts, pushSubscriptions } from "@/db/schema";
import { runBatch } from "@/server/http/batch-request";
import { pushSubscriptionsBatch } from "@/server/http/endpoints";
import { openTestDb } from "@/test/db";
import { createContact, createKey, createTenant } from "@/test/factories";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const keys = { p256dh: `B${"a".repeat(86)}`, auth: "abcdefghijklmnopqrstuv" };

describe("POST /api/v1/push-subscriptions", () => {
  it("stores each browser's subscription, turns web push on, and reports the rows it could not take", async () => {
    const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    const contact = await createContact(handle.db, tenant.id, {
      externalId: "learner-1",
      channels: { zalo: "subscribed" },
    });
    const key = await createKey(handle.db, tenant.id);
    const request = new Request("http://localhost/api/v1/push-subscriptions", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({
        subscriptions: [
          { externalId: "learner-1", subscription: { endpoint: "https://push.example/abc", keys } },
          { externalId: "nobody", subscription: { endpoint: "https://push.example/def", keys } },
          {
            externalId: "learner-1",
            subscription: { endpoint: "http://insecure.example/x", keys },
          },
        ],
      }),
    });
    const answer = await (
      await runBatch(handle.db, request, pushSubscriptionsBatch as never, new Date())
    ).json();
    expect(answer.stored).toBe(1);
    expect(answer.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
      [1, "externalId"],
      [2, "subscription.endpoint"],
    ]);
    const rows = await handle.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.endpoint, "https://push.example/abc"));
    expect(rows).toHaveLength(1);
    const [row] = await handle.db
      .select({ channels: contacts.channels })
      .from(contacts)
      .where(eq(contacts.id, contact.id));
    expect(row!.channels).toEqual({ zalo: "subscribed", web_push: "subscribed" });
  });
});
