import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contacts } from "@/db/schema";
import { runUntil } from "@/server/engine/virtual-time";
import { openTestDb } from "@/test/db";
import { deliveriesOf, recordingProvider } from "@/test/engine";
import { callerFor, createContact, createMember, createTenant } from "@/test/factories";
import { listContacts, type ListContactsInput } from "./list";
import { upsertContacts } from "./upsert";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const hcm = "Asia/Ho_Chi_Minh";
const both = { web_push: "subscribed", zalo: "subscribed" } as const;
// Last exercise Jan 1 21:00 local: streak_lost is reached Jan 3 00:00 local and sent at 08:00.
const last = new Date("2026-01-01T14:00:00Z");
const after = new Date("2026-01-04T00:00:00Z");

describe("filter by stage reached: the ledger, not the reactivation tag", () => {
  it("finds contacts that reached a stage whether it was sent, skipped or its tag was lost", async () => {
    const tenant = await createTenant(handle.db, "self_study", hcm);
    const learner = (name: string, fields: Parameters<typeof createContact>[2] = {}) =>
      createContact(handle.db, tenant.id, {
        name,
        timeZone: hcm,
        channels: both,
        lastActivityAt: last,
        nextCheckAt: last,
        ...fields,
      });
    const sent = await learner("A sent");
    const skipped = await learner("B skipped", {
      channels: { web_push: "unsubscribed", zalo: "unsubscribed" },
    });
    const retagged = await learner("C retagged");
    await learner("D recent", {
      lastActivityAt: new Date("2026-01-03T02:00:00Z"),
      nextCheckAt: new Date("2026-01-03T02:00:00Z"),
    });
    await learner("E excluded", { tags: ["do-not-contact"] });
    const { provider } = recordingProvider(handle.db);
    await runUntil(handle.db, provider, last, after);

    // What the engine did: A was sent streak_lost (and tagged), B reached it but nothing went out.
    expect((await deliveriesOf(handle.db, sent.id)).map((d) => d.status)).toEqual(["sent", "sent"]);
    expect((await deliveriesOf(handle.db, skipped.id)).map((d) => d.status)).toEqual([
      "skipped",
      "skipped",
    ]);
    // The integration API replaces C's tag list: its reactivation tag is gone.
    await upsertContacts(
      handle.db,
      tenant.id,
      [{ index: 0, value: { externalId: retagged.externalId, tags: ["vip"] } }],
      after,
    );
    const tags = async (id: string) =>
      (await handle.db.select({ t: contacts.tags }).from(contacts).where(eq(contacts.id, id)))[0]!
        .t;
    expect(await tags(retagged.id)).toEqual(["vip"]);
    expect(await tags(skipped.id)).not.toContain("reactivation:streak_lost");

    const names = async (input: ListContactsInput) =>
      (await listContacts(handle.db, tenant, input, after)).rows.map((r) => r.name);
    expect(await names({ reached: "streak_lost" })).toEqual(["A sent", "B skipped", "C retagged"]);
    expect(await names({ reached: "week" })).toEqual([]);
    expect((await listContacts(handle.db, tenant, { reached: "streak_lost" }, after)).total).toBe(
      3,
    );
    // Combined with the other filters.
    expect(await names({ reached: "streak_lost", tag: "vip" })).toEqual(["C retagged"]);
  });

  it("counts a lower stage recorded as superseded as reached", async () => {
    const tenant = await createTenant(handle.db, "self_study", hcm);
    // Dormant for two months when first seen: month is sent, streak_lost and week superseded.
    const start = new Date("2026-03-05T03:00:00Z");
    await createContact(handle.db, tenant.id, {
      name: "Dormant",
      timeZone: hcm,
      channels: both,
      lastActivityAt: new Date("2026-01-01T03:00:00Z"),
      nextCheckAt: start,
    });
    const { provider } = recordingProvider(handle.db);
    await runUntil(handle.db, provider, start, new Date("2026-03-06T00:00:00Z"));
    for (const stage of ["streak_lost", "week", "month"]) {
      const { rows } = await listContacts(handle.db, tenant, { reached: stage }, start);
      expect(rows.map((r) => r.name)).toEqual(["Dormant"]);
    }
    expect((await listContacts(handle.db, tenant, { reached: "year" }, start)).rows).toEqual([]);
  });
});

describe("filter by channel state and by a tag the contact lacks", () => {
  async function tenantWithChannels() {
    const tenant = await createTenant(handle.db, "home_services", "America/Chicago");
    const add = (name: string, channels: object, tags: string[] = []) =>
      createContact(handle.db, tenant.id, { name, channels, tags });
    await add("Ann", { email: "subscribed", sms: "subscribed" }, ["vip"]);
    await add("Ben", { email: "unsubscribed", sms: "unreachable" }, ["do-not-contact"]);
    await add("Cat", { email: "subscribed" }, ["vip", "do-not-contact"]);
    await add("Dan", { email: "unreachable", sms: "unsubscribed" });
    return tenant;
  }
  const now = new Date("2026-06-01T00:00:00Z");

  it.each([
    ["email", "subscribed", ["Ann", "Cat"]],
    ["email", "unsubscribed", ["Ben"]],
    ["email", "unreachable", ["Dan"]],
    ["sms", "subscribed", ["Ann"]],
    ["sms", "unsubscribed", ["Dan"]],
    // No state on a channel is not reachable, as the engine treats it.
    ["sms", "unreachable", ["Ben", "Cat"]],
  ] as const)("%s %s: %j", async (channel, state, expected) => {
    const tenant = await tenantWithChannels();
    const { rows } = await listContacts(
      handle.db,
      tenant,
      { channelState: { channel, state } },
      now,
    );
    expect(rows.map((r) => r.name)).toEqual(expected);
  });

  it("leaves out contacts with a tag, and combines with the other filters", async () => {
    const tenant = await tenantWithChannels();
    const names = async (input: ListContactsInput) =>
      (await listContacts(handle.db, tenant, input, now)).rows.map((r) => r.name);
    expect(await names({ withoutTag: "do-not-contact" })).toEqual(["Ann", "Dan"]);
    expect(await names({ tag: "vip", withoutTag: "do-not-contact" })).toEqual(["Ann"]);
    expect(
      await names({
        withoutTag: "do-not-contact",
        channelState: { channel: "email", state: "subscribed" },
      }),
    ).toEqual(["Ann"]);
  });

  it("refuses values that are not a channel, a state or a stage key", () => {
    const tenant = { id: "00000000-0000-4000-8000-000000000000", timeZone: "UTC" };
    const bad: unknown[] = [
      { channelState: { channel: "fax", state: "subscribed" } },
      { channelState: { channel: "sms", state: "maybe" } },
      { reached: "Streak lost" },
      { reached: "x'; drop table contacts; --" },
    ];
    return Promise.all(
      bad.map((input) =>
        expect(listContacts(handle.db, tenant, input as ListContactsInput, now)).rejects.toThrow(),
      ),
    );
  });
});

describe("the list procedure's filters are scoped to the signed-in tenant", () => {
  it("never lists another tenant's contacts, whatever the filter", async () => {
    const mine = await createTenant(handle.db, "home_services");
    const theirs = await createTenant(handle.db, "home_services");
    await createContact(handle.db, mine.id, {
      name: "Mine",
      channels: { sms: "unsubscribed" },
      tags: ["vip"],
    });
    await createContact(handle.db, theirs.id, {
      name: "Theirs",
      channels: { sms: "unsubscribed" },
      tags: ["vip"],
    });
    const owner = await createMember(handle.db, mine.id, ["owner"]);
    const api = callerFor(handle.db, owner.id, mine.id);
    for (const input of [
      {},
      { tag: "vip" },
      { withoutTag: "nothing" },
      { channelState: { channel: "sms", state: "unsubscribed" } } as const,
    ]) {
      const { rows, total } = await api.contacts.list(input);
      expect(rows.map((r) => r.name)).toEqual(["Mine"]);
      expect(total).toBe(1);
    }
    expect(await api.contacts.tags()).toEqual(["vip"]);
  });
});
