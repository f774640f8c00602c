import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contacts, pushSubscriptions } from "@/db/schema";
import { runBatch } from "@/server/http/batch-request";
import { pushSubscriptionsBatch } from "@/server/http/endpoints";
import { openTestDb } from "@/test/db";
import { createContact, createKey, createTenant } from "@/test/factories";
import { saveSubscription } from "./register";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const keys = { p256dh: `B${"a".repeat(86)}`, auth: "abcdefghijklmnopqrstuv" };
const fcm = (id: string) => `https://fcm.googleapis.com/fcm/send/${id}`;

type Row = { externalId: string; subscription: { endpoint: string; keys: typeof keys } };

/** `POST /api/v1/push-subscriptions` with the key, as the integrator's server sends it. */
async function post(key: string, subscriptions: Row[]) {
  const request = new Request("http://localhost/api/v1/push-subscriptions", {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ subscriptions }),
  });
  const answer = await runBatch(handle.db, request, pushSubscriptionsBatch as never, new Date());
  return (await answer.json()) as {
    stored: number;
    errors: { index: number; field: string; reason: string }[];
  };
}

const rowsAt = (endpoint: string) =>
  handle.db
    .select({ tenantId: pushSubscriptions.tenantId, contactId: pushSubscriptions.contactId })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.endpoint, endpoint));

const channelsOf = async (contactId: string) =>
  (
    await handle.db
      .select({ channels: contacts.channels })
      .from(contacts)
      .where(eq(contacts.id, contactId))
  )[0]!.channels;

/** A self-study workspace (web push on by default) with one learner and an API key. */
async function learner(externalId = "learner-1") {
  const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
  const contact = await createContact(handle.db, tenant.id, {
    externalId,
    channels: { zalo: "subscribed" },
  });
  return { tenant, contact, key: await createKey(handle.db, tenant.id) };
}

describe("POST /api/v1/push-subscriptions", () => {
  it("stores each browser's subscription, turns web push on, and reports the rows it could not take", async () => {
    const { contact, key } = await learner();
    const answer = await post(key, [
      { externalId: "learner-1", subscription: { endpoint: fcm("abc"), keys } },
      { externalId: "nobody", subscription: { endpoint: fcm("def"), keys } },
      { externalId: "learner-1", subscription: { endpoint: "http://insecure.example/x", keys } },
    ]);
    expect(answer.stored).toBe(1);
    expect(answer.errors.map((e) => [e.index, e.field])).toEqual([
      [1, "externalId"],
      [2, "subscription.endpoint"],
    ]);
    expect(await rowsAt(fcm("abc"))).toEqual([
      { tenantId: contact.tenantId, contactId: contact.id },
    ]);
    expect(await channelsOf(contact.id)).toEqual({ zalo: "subscribed", web_push: "subscribed" });
  });

  it("refuses endpoints inside the network, naming the field and why", async () => {
    const { contact, key } = await learner();
    const internal = [
      "https://169.254.169.254/latest/meta-data/",
      "https://127.0.0.1:5432/x",
      "https://10.0.0.1/push",
      "https://2130706433/push",
      "https://[::ffff:127.0.0.1]/push",
      "https://localhost/push",
    ];
    const answer = await post(
      key,
      internal.map((endpoint) => ({ externalId: "learner-1", subscription: { endpoint, keys } })),
    );
    expect(answer.stored).toBe(0);
    expect(answer.errors.map((e) => [e.index, e.field, e.reason])).toEqual([
      [
        0,
        "subscription.endpoint",
        "must be on a public host: 169.254.169.254 is not public (link-local)",
      ],
      [1, "subscription.endpoint", "must be on a public host: 127.0.0.1 is not public (loopback)"],
      [2, "subscription.endpoint", "must be on a public host: 10.0.0.1 is not public (private)"],
      [3, "subscription.endpoint", "must be on a public host: 127.0.0.1 is not public (loopback)"],
      [
        4,
        "subscription.endpoint",
        "must be on a public host: ::ffff:7f00:1 is not public (IPv4-mapped)",
      ],
      [5, "subscription.endpoint", "must be on a public host: localhost is not a public host name"],
    ]);
    const stored = await handle.db
      .select({ endpoint: pushSubscriptions.endpoint })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.contactId, contact.id));
    expect(stored.map((s) => s.endpoint)).not.toContain(internal[0]);
    expect(await channelsOf(contact.id)).toEqual({ zalo: "subscribed" });
  });

  it("never moves a subscription to another workspace: each keeps its own", async () => {
    const first = await learner("shared-browser");
    const second = await learner("shared-browser");
    const endpoint = fcm("one-browser");
    const row = { externalId: "shared-browser", subscription: { endpoint, keys } };
    expect((await post(first.key, [row])).stored).toBe(1);
    expect((await post(second.key, [row])).stored).toBe(1);
    const rows = await rowsAt(endpoint);
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual({ tenantId: first.tenant.id, contactId: first.contact.id });
    expect(rows).toContainEqual({ tenantId: second.tenant.id, contactId: second.contact.id });
  });

  it("within a workspace, a shared device follows the newest registration", async () => {
    const { tenant, key } = await learner();
    const sibling = await createContact(handle.db, tenant.id, { externalId: "learner-2" });
    const endpoint = fcm("family-tablet");
    await post(key, [{ externalId: "learner-1", subscription: { endpoint, keys } }]);
    await post(key, [{ externalId: "learner-2", subscription: { endpoint, keys } }]);
    expect(await rowsAt(endpoint)).toEqual([{ tenantId: tenant.id, contactId: sibling.id }]);
  });

  it("refuses every row for a workspace that does not send web push", async () => {
    const tenant = await createTenant(handle.db, "home_services"); // email + SMS
    const contact = await createContact(handle.db, tenant.id, { externalId: "cust-1" });
    const key = await createKey(handle.db, tenant.id);
    const endpoint = fcm("home-services");
    const answer = await post(key, [{ externalId: "cust-1", subscription: { endpoint, keys } }]);
    expect(answer).toEqual({
      stored: 0,
      errors: [
        {
          index: 0,
          field: "subscription",
          reason:
            "this workspace does not send web push: turn the channel on in its settings first",
        },
      ],
    });
    expect(await rowsAt(endpoint)).toEqual([]);
    expect(await channelsOf(contact.id)).toEqual({});
  });
});

describe("the preference center's push opt-in", () => {
  const subscription = (id: string) => ({ endpoint: fcm(id), keys });

  it("registers the contact's browser where the workspace sends web push", async () => {
    const { tenant, contact } = await learner();
    const saved = await saveSubscription(handle.db, {
      tenantId: tenant.id,
      contactId: contact.id,
      subscription: subscription("pc-1"),
      now: new Date(),
    });
    expect(saved).toBe(true);
    expect(await rowsAt(fcm("pc-1"))).toEqual([{ tenantId: tenant.id, contactId: contact.id }]);
  });

  it("registers nothing for a workspace that does not send web push", async () => {
    const tenant = await createTenant(handle.db, "home_services");
    const contact = await createContact(handle.db, tenant.id, { channels: { sms: "subscribed" } });
    const saved = await saveSubscription(handle.db, {
      tenantId: tenant.id,
      contactId: contact.id,
      subscription: subscription("pc-2"),
      now: new Date(),
    });
    expect(saved).toBe(false);
    expect(
      await handle.db
        .select()
        .from(pushSubscriptions)
        .where(
          and(
            eq(pushSubscriptions.contactId, contact.id),
            eq(pushSubscriptions.endpoint, fcm("pc-2")),
          ),
        ),
    ).toEqual([]);
    expect(await channelsOf(contact.id)).toEqual({ sms: "subscribed" });
  });
});
