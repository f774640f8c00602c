import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, contacts } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { createCaller } from "@/server/api/root";
import { listAudit } from "@/server/audit/list";
import { runUntil } from "@/server/engine/virtual-time";
import { homeServicesCustomer } from "@/test/customer";
import { openTestDb } from "@/test/db";
import { deliveriesOf, eventsOf } from "@/test/engine";
import { createContact, createMember, createTenant } from "@/test/factories";
import { turnChannelOff } from "./channel-off";
import { setDoNotContact } from "./do-not-contact";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const actor = { userId: null, label: "ana@brightside.example (owner)" };
// The Chicago customer's six_months reminder is due 2026-01-01 08:00 local (14:00Z).
const beforeDue = new Date("2026-01-01T10:00:00Z");
const dayAfter = new Date("2026-01-02T12:00:00Z");

async function contactRow(id: string) {
  const [row] = await handle.db.select().from(contacts).where(eq(contacts.id, id));
  return row!;
}

const summary = (rows: Awaited<ReturnType<typeof deliveriesOf>>) =>
  rows.map((d) => `${d.stage}/${d.channel}: ${d.status}${d.reason ? ` (${d.reason})` : ""}`);

describe("do-not-contact from the contact's page", () => {
  it("tags the contact, logs it on the timeline and in the audit log, and the engine replans", async () => {
    const { db } = handle;
    const { tenant, contact, provider } = await homeServicesCustomer(db);
    // Planned and waiting for 08:00 local.
    await runUntil(db, provider, new Date("2025-07-01T15:00:00Z"), beforeDue);
    expect(summary(await deliveriesOf(db, contact.id))).toEqual([
      "six_months/email: pending",
      "six_months/sms: pending",
    ]);

    const now = beforeDue;
    expect(
      await setDoNotContact(db, {
        tenantId: tenant.id,
        contactId: contact.id,
        on: true,
        actor,
        now,
      }),
    ).toEqual({ changed: true });
    const tagged = await contactRow(contact.id);
    expect(tagged.tags).toEqual(["do-not-contact"]);
    // Due for planning at once, like any change of the contact's data.
    expect(tagged.nextCheckAt).toEqual(now);
    const event = (await eventsOf(db, contact.id)).at(-1)!;
    expect(event).toMatchObject({ type: "tag_added", at: now, data: { tag: "do-not-contact" } });
    expect(event.reason).toContain("by the owner");
    const [entry] = await listAudit(db, tenant.id, { kind: "contact", limit: 10 });
    expect(entry).toMatchObject({
      actor: actor.label,
      summary: `Tagged Maria Lopez (${contact.externalId}) do-not-contact`,
      data: { contactId: contact.id, action: "tag_added", tag: "do-not-contact" },
      at: now,
    });

    // The engine: nothing more is planned, and the waiting sends are not made.
    await runUntil(db, provider, now, dayAfter);
    expect((await contactRow(contact.id)).nextCheckAt).toBeNull();
    expect(summary(await deliveriesOf(db, contact.id))).toEqual([
      "six_months/email: skipped (do_not_contact)",
      "six_months/sms: skipped (do_not_contact)",
    ]);

    // Tagging again changes nothing and logs nothing.
    expect(
      await setDoNotContact(db, {
        tenantId: tenant.id,
        contactId: contact.id,
        on: true,
        actor,
        now: dayAfter,
      }),
    ).toEqual({ changed: false });
    expect(await listAudit(db, tenant.id, { limit: 10 })).toHaveLength(1);
  });

  it("removing the tag replans the contact: the stage it missed is planned and sent", async () => {
    const { db } = handle;
    const { tenant, contact, provider, callsOf } = await homeServicesCustomer(db, {
      tags: ["vip", "do-not-contact"],
    });
    await runUntil(db, provider, new Date("2025-07-01T15:00:00Z"), dayAfter);
    expect(await deliveriesOf(db, contact.id)).toEqual([]);
    expect((await contactRow(contact.id)).nextCheckAt).toBeNull();

    const now = dayAfter;
    expect(
      await setDoNotContact(db, {
        tenantId: tenant.id,
        contactId: contact.id,
        on: false,
        actor,
        now,
      }),
    ).toEqual({ changed: true });
    const row = await contactRow(contact.id);
    expect(row.tags).toEqual(["vip"]);
    expect(row.nextCheckAt).toEqual(now);
    expect((await eventsOf(db, contact.id)).at(-1)).toMatchObject({
      type: "tag_removed",
      data: { tag: "do-not-contact" },
    });
    expect((await listAudit(db, tenant.id, { limit: 10 }))[0]).toMatchObject({
      kind: "contact",
      summary: `Removed do-not-contact from Maria Lopez (${contact.externalId})`,
      data: { action: "tag_removed" },
    });

    await runUntil(db, provider, now, new Date("2026-01-03T12:00:00Z"));
    expect(summary(await deliveriesOf(db, contact.id))).toEqual([
      "six_months/email: sent",
      "six_months/sms: sent",
    ]);
    expect(callsOf(contact.id)).toHaveLength(2);
  });
});

describe("turning a channel off from the contact's page", () => {
  it("unsubscribes that channel only, logs it twice, and the waiting send on it is not made", async () => {
    const { db } = handle;
    const { tenant, contact, provider } = await homeServicesCustomer(db);
    await runUntil(db, provider, new Date("2025-07-01T15:00:00Z"), beforeDue);

    const now = beforeDue;
    const off = { tenantId: tenant.id, contactId: contact.id, channel: "sms", actor, now } as const;
    expect(await turnChannelOff(db, off)).toEqual({ changed: true });
    const row = await contactRow(contact.id);
    expect(row.channels).toEqual({ email: "subscribed", sms: "unsubscribed" });
    expect(row.nextCheckAt).toEqual(now);
    expect((await eventsOf(db, contact.id)).at(-1)).toMatchObject({
      type: "channel_changed",
      reason: "Unsubscribed from sms through the owner.",
      data: { channel: "sms", state: "unsubscribed" },
    });
    expect((await listAudit(db, tenant.id, { limit: 10 }))[0]).toMatchObject({
      kind: "contact",
      actor: actor.label,
      summary: `Turned off SMS for Maria Lopez (${contact.externalId})`,
      data: { action: "channel_off", channel: "sms", before: "subscribed", after: "unsubscribed" },
    });

    await runUntil(db, provider, now, dayAfter);
    expect(summary(await deliveriesOf(db, contact.id))).toEqual([
      "six_months/email: sent",
      "six_months/sms: skipped (opted_out)",
    ]);
    // Already off: nothing changes, nothing is logged.
    expect(await turnChannelOff(db, { ...off, now: dayAfter })).toEqual({ changed: false });
    expect(await listAudit(db, tenant.id, { limit: 10 })).toHaveLength(1);
  });
});

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

/** A caller signed in as a new member with these roles, named by email as sessions are. */
async function signedIn(tenantId: string, roles: Role[]) {
  const user = await createMember(handle.db, tenantId, roles);
  const session = {
    userId: user.id,
    tenantId,
    user: { email: user.email },
    expires: "2099-01-01T00:00:00.000Z",
  };
  return { user, api: createCaller({ db: handle.db, session }) };
}

describe("the owner's actions through tRPC", () => {
  it("records the signed-in owner as the actor", async () => {
    const tenant = await createTenant(handle.db, "home_services");
    const contact = await createContact(handle.db, tenant.id, {
      name: "Maria Lopez",
      channels: { email: "subscribed", sms: "subscribed" },
    });
    const { user, api } = await signedIn(tenant.id, ["owner"]);
    expect(await api.contacts.setDoNotContact({ contactId: contact.id, on: true })).toEqual({
      changed: true,
    });
    expect(await api.contacts.turnChannelOff({ contactId: contact.id, channel: "email" })).toEqual({
      changed: true,
    });
    const entries = await api.audit.list({ kind: "contact" });
    expect(entries.map((e) => [e.actor, e.data.action])).toEqual([
      [`${user.email} (owner)`, "channel_off"],
      [`${user.email} (owner)`, "tag_added"],
    ]);
    const timeline = await api.contacts.timeline({ contactId: contact.id });
    expect(timeline.events.map((e) => e.title)).toEqual(["Tag added", "Channel changed"]);
    expect(timeline.events[1]!.reason).toBe("Unsubscribed from email through the owner.");
    expect(timeline.doNotContact).toBe(true);
  });

  it.each([["marketer"], ["analyst"]] as const)(
    "refuses a %s, and changes nothing",
    async (role) => {
      const tenant = await createTenant(handle.db, "home_services");
      const contact = await createContact(handle.db, tenant.id, {
        channels: { email: "subscribed" },
      });
      const { api } = await signedIn(tenant.id, [role]);
      expect(await codeOf(api.contacts.setDoNotContact({ contactId: contact.id, on: true }))).toBe(
        "FORBIDDEN",
      );
      expect(
        await codeOf(api.contacts.turnChannelOff({ contactId: contact.id, channel: "email" })),
      ).toBe("FORBIDDEN");
      const row = await contactRow(contact.id);
      expect(row.tags).toEqual([]);
      expect(row.channels).toEqual({ email: "subscribed" });
      expect(await eventsOf(handle.db, contact.id)).toEqual([]);
      const audit = await handle.db.select().from(auditLog).where(eq(auditLog.tenantId, tenant.id));
      expect(audit).toEqual([]);
      // They still read the contact's page.
      expect(await codeOf(api.contacts.profile({ contactId: contact.id }))).toBe("OK");
    },
  );

  it("never acts on, nor shows, another tenant's contact", async () => {
    const mine = await createTenant(handle.db, "home_services");
    const theirs = await createTenant(handle.db, "home_services");
    const contact = await createContact(handle.db, theirs.id, {
      channels: { email: "subscribed" },
    });
    const { api } = await signedIn(mine.id, ["owner"]);
    expect(await codeOf(api.contacts.setDoNotContact({ contactId: contact.id, on: true }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await codeOf(api.contacts.turnChannelOff({ contactId: contact.id, channel: "email" })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(api.contacts.profile({ contactId: contact.id }))).toBe("NOT_FOUND");
    expect(await codeOf(api.contacts.timeline({ contactId: contact.id }))).toBe("NOT_FOUND");
    const row = await contactRow(contact.id);
    expect(row.tags).toEqual([]);
    expect(row.channels).toEqual({ email: "subscribed" });
    expect(await eventsOf(handle.db, contact.id)).toEqual([]);
    for (const tenantId of [mine.id, theirs.id])
      expect(await listAudit(handle.db, tenantId, { limit: 10 })).toEqual([]);
  });
});

describe("the contact's profile", () => {
  it("shows masked addresses, tags, locale and the messages sent, linked to the Outbox", async () => {
    const { db } = handle;
    const { tenant, contact, provider } = await homeServicesCustomer(db, {
      locale: "en-US",
      tags: ["vip"],
    });
    await runUntil(db, provider, new Date("2025-07-01T15:00:00Z"), dayAfter);
    const owner = await signedIn(tenant.id, ["owner"]);
    const profile = await owner.api.contacts.profile({ contactId: contact.id });
    expect(profile.locale).toBe("en-US");
    expect(profile.tags).toEqual(expect.arrayContaining(["vip", "reactivation:six_months"]));
    expect(profile.channels).toEqual([
      { channel: "email", state: "subscribed", address: "m***@mail.example" },
      { channel: "sms", state: "subscribed", address: "+1 ••• ••• 0100" },
    ]);
    expect(JSON.stringify(profile)).not.toContain("maria@mail.example");
    expect(JSON.stringify(profile)).not.toContain("5550100");
    expect(profile.messages).toHaveLength(2);
    for (const m of profile.messages) {
      expect(m).toMatchObject({ stage: "six_months", stageLabel: "6 months since last job" });
      expect(m.sentAt).toEqual(new Date("2026-01-01T14:00:00Z"));
      expect(m.outboxMessageId).toEqual(expect.any(String));
      expect(m.headline).toEqual(expect.any(String));
    }
    expect(profile.messages.map((m) => m.channel).sort()).toEqual(["email", "sms"]);

    // An analyst may not read the Outbox: the page lists the sends without what they said.
    const analyst = await signedIn(tenant.id, ["analyst"]);
    const seen = await analyst.api.contacts.profile({ contactId: contact.id });
    expect(seen.messagesReadable).toBe(false);
    expect(seen.messages.every((m) => m.headline === null && m.outboxMessageId === null)).toBe(
      true,
    );
  });
});
