import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { activityEvents, contacts, cycles, engineEvents } from "@/db/schema";
import { recordInline } from "@/server/activity/recorders";
import { createApiKey, listApiKeys, revokeApiKey } from "@/server/api-keys/keys";
import { contactTimeline } from "@/server/engine/explain/timeline";
import { planContacts } from "@/server/engine/steps/plan";
import { openTestDb } from "@/test/db";
import { deliveriesOf, eventsOf } from "@/test/engine";
import { createContact, createKey, createTenant } from "@/test/factories";
import { runBatch, type BatchSpec } from "./batch-request";
import { activityBatch, contactsBatch, pushSubscriptionsBatch } from "./endpoints";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const now = new Date("2026-11-23T12:00:00Z");

function post(
  spec: BatchSpec<never>,
  key: string | null,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const request = new Request("http://rekindle.test/api/v1/x", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return runBatch(handle.db, request, spec as never, now);
}
const postContacts = (key: string | null, body: unknown, h?: Record<string, string>) =>
  post(contactsBatch as never, key, body, h);
const postActivity = (key: string | null, body: unknown) =>
  post(activityBatch(recordInline) as never, key, body);

async function tenantWithKey() {
  const tenant = await createTenant(handle.db);
  return { tenant, key: await createKey(handle.db, tenant.id) };
}

const contactsOf = (tenantId: string) =>
  handle.db.select().from(contacts).where(eq(contacts.tenantId, tenantId));

describe("API keys", () => {
  it.each([
    ["no key", null],
    ["an unknown key", "rk_not-a-real-key"],
    ["a key of another shape", "sk_live_123"],
  ])("answers 401 to %s", async (_, key) => {
    const response = await postContacts(key, { contacts: [{ externalId: "x" }] });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  it("answers 401 to a revoked key and stores nothing", async () => {
    const tenant = await createTenant(handle.db);
    const key = await createKey(handle.db, tenant.id);
    const [stored] = await listApiKeys(handle.db, tenant.id);
    await revokeApiKey(handle.db, tenant.id, stored!.id, now);
    expect((await postContacts(key, { contacts: [{ externalId: "x" }] })).status).toBe(401);
    expect(await contactsOf(tenant.id)).toEqual([]);
  });

  it("answers 401 from the expiry instant on, saying when the key expired", async () => {
    const tenant = await createTenant(handle.db);
    const { key } = await createApiKey(handle.db, {
      tenantId: tenant.id,
      name: "trial",
      createdBy: null,
      expiresAt: new Date(now.getTime() + 1),
    });
    const body = { contacts: [{ externalId: "x" }] };
    const before = await runBatch(handle.db, request(key, body), contactsBatch as never, now);
    expect(before.status).toBe(200);
    const at = new Date(now.getTime() + 1);
    const after = await runBatch(handle.db, request(key, body), contactsBatch as never, at);
    expect(after.status).toBe(401);
    expect((await after.json()).error.message).toBe(`This API key expired on ${at.toISOString()}.`);
  });

  it("answers 403 naming the scope to a key without it, and stores nothing", async () => {
    const tenant = await createTenant(handle.db);
    const { key } = await createApiKey(handle.db, {
      tenantId: tenant.id,
      name: "activity feed",
      createdBy: null,
      scopes: ["activity"],
    });
    const response = await postContacts(key, { contacts: [{ externalId: "x" }] });
    expect(response.status).toBe(403);
    const { error } = await response.json();
    expect(error.code).toBe("forbidden");
    expect(error.message).toMatch(/lacks the `contacts` scope/);
    expect(await contactsOf(tenant.id)).toEqual([]);
    const activity = await postActivity(key, {
      activity: [{ externalId: "a1", contactExternalId: "nobody", kind: "visit", at: now }],
    });
    expect(activity.status).toBe(200);
  });
});

function request(key: string, body: unknown) {
  return new Request("http://rekindle.test/api/v1/contacts", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
}

describe("POST /api/v1/contacts", () => {
  it("stores the valid rows and reports each bad one with index, field and reason", async () => {
    const { tenant, key } = await tenantWithKey();
    const response = await postContacts(key, {
      contacts: [
        { externalId: "c1", name: "Lan", email: "lan@mail.example", timeZone: "Asia/Ho_Chi_Minh" },
        { externalId: "c2", email: "nope", timeZone: "Moon/Base" },
        { externalId: "c3", channels: { sms: "subscribed" } },
        { externalId: "c1", name: "again" },
      ],
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ created: 2, updated: 0 });
    expect(body.errors).toEqual([
      { index: 1, field: "email", reason: "must be a valid email address" },
      { index: 1, field: "timeZone", reason: "must be an IANA time zone such as Asia/Ho_Chi_Minh" },
      { index: 3, field: "externalId", reason: "repeats row 0 of this batch" },
    ]);
    const stored = await contactsOf(tenant.id);
    expect(stored.map((c) => c.externalId).sort()).toEqual(["c1", "c3"]);
  });

  it("updates only the fields a row sends and merges channel states", async () => {
    const { tenant, key } = await tenantWithKey();
    await postContacts(key, {
      contacts: [
        {
          externalId: "c1",
          name: "Lan",
          email: "lan@mail.example",
          channels: { email: "subscribed", sms: "subscribed" },
        },
      ],
    });
    const second = await postContacts(key, {
      contacts: [{ externalId: "c1", channels: { sms: "unsubscribed" }, tags: ["vip"] }],
    });
    expect(await second.json()).toMatchObject({ created: 0, updated: 1, errors: [] });
    const [c] = await contactsOf(tenant.id);
    expect(c).toMatchObject({ name: "Lan", email: "lan@mail.example", tags: ["vip"] });
    expect(c!.channels).toEqual({ email: "subscribed", sms: "unsubscribed" });
  });

  it("never touches another tenant's contact with the same external id", async () => {
    const a = await tenantWithKey();
    const b = await createTenant(handle.db);
    await createContact(handle.db, b.id, { externalId: "same", name: "B's contact" });
    const body = await (
      await postContacts(a.key, { contacts: [{ externalId: "same", name: "A's contact" }] })
    ).json();
    expect(body.created).toBe(1);
    const [bContact] = await contactsOf(b.id);
    expect(bContact!.name).toBe("B's contact");
  });

  it.each([
    ["malformed JSON", "{not json", 400, "bad_request"],
    ["a body without the array", { people: [] }, 400, "bad_request"],
    ["an empty array", { contacts: [] }, 400, "bad_request"],
    [
      "more than 1,000 rows",
      { contacts: Array.from({ length: 1001 }, (_, i) => ({ externalId: `c${i}` })) },
      413,
      "payload_too_large",
    ],
    [
      "a body over 2 MB",
      { contacts: [{ externalId: "c", name: "x".repeat(2_200_000) }] },
      413,
      "payload_too_large",
    ],
  ])("answers %s with %i", async (_, body, status, code) => {
    const { tenant, key } = await tenantWithKey();
    const response = await postContacts(key, body);
    expect(response.status).toBe(status);
    const answer = await response.json();
    expect(answer.error.code).toBe(code);
    expect(answer.error.message.length).toBeGreaterThan(10);
    expect(await contactsOf(tenant.id)).toEqual([]);
  });

  it("answers 415 to a body that is not JSON", async () => {
    const { key } = await tenantWithKey();
    const response = await postContacts(key, "externalId=c1", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(415);
  });

  it("accepts exactly 1,000 rows", async () => {
    const { tenant, key } = await tenantWithKey();
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      externalId: `c${i}`,
      name: `Contact ${i}`,
    }));
    expect(await (await postContacts(key, { contacts: rows })).json()).toMatchObject({
      created: 1000,
    });
    expect((await contactsOf(tenant.id)).length).toBe(1000);
  });

  it("rejects a zone Node knows but the database does not, keeping the other rows", async () => {
    const { tenant, key } = await tenantWithKey();
    const body = await (
      await postContacts(key, {
        contacts: [
          { externalId: "ok", timeZone: "Pacific/Kiritimati" },
          { externalId: "retired", timeZone: "US/Pacific-New" },
        ],
      })
    ).json();
    expect(body).toMatchObject({ created: 1 });
    expect(body.errors).toEqual([
      { index: 1, field: "timeZone", reason: "is not a time zone this database knows" },
    ]);
    expect((await contactsOf(tenant.id)).map((c) => c.externalId)).toEqual(["ok"]);
  });

  it("refuses a last activity in the future with a per-row error, keeping the other rows", async () => {
    const { tenant, key } = await tenantWithKey();
    const response = await postContacts(key, {
      contacts: [
        { externalId: "x", lastActivityAt: "9999-12-31T23:59:59Z" },
        { externalId: "ok", lastActivityAt: "2026-11-01T00:00:00Z" },
      ],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      created: 1,
      updated: 0,
      errors: [{ index: 0, field: "lastActivityAt", reason: "is in the future" }],
    });
    expect((await contactsOf(tenant.id)).map((c) => c.externalId)).toEqual(["ok"]);
  });

  it("reports NUL characters and the year 0000 per row and stores the valid rows", async () => {
    const { tenant, key } = await tenantWithKey();
    const control = "must not contain control characters such as NUL, tabs or line breaks";
    const response = await postContacts(key, {
      contacts: [
        { externalId: "nul\u0000id" },
        { externalId: "c1", name: "Lan\u0000" },
        { externalId: "c2", tags: ["vip", "a\u0000b"] },
        { externalId: "c3", program: "\u0000", lastSkill: "x\u0000" },
        { externalId: "c4", lastActivityAt: "0000-01-01T00:00:00Z" },
        { externalId: "good", name: "Mai", tags: ["vip"] },
      ],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      created: 1,
      updated: 0,
      errors: [
        { index: 0, field: "externalId", reason: control },
        { index: 1, field: "name", reason: control },
        { index: 2, field: "tags.1", reason: control },
        { index: 3, field: "program", reason: control },
        { index: 3, field: "lastSkill", reason: control },
        { index: 4, field: "lastActivityAt", reason: "must not be before 1970-01-01" },
      ],
    });
    expect((await contactsOf(tenant.id)).map((c) => c.externalId)).toEqual(["good"]);
  });

  it("moves the last activity back only on an explicit override, logged on the timeline", async () => {
    const { tenant, key } = await tenantWithKey();
    // A value stored before the bounds existed, far in the future.
    const wrong = new Date("9999-12-31T23:59:59Z");
    const contact = await createContact(handle.db, tenant.id, {
      externalId: "c1",
      lastActivityAt: wrong,
      nextCheckAt: null,
    });
    const corrected = "2026-11-01T09:00:00+07:00";
    const plain = await postContacts(key, {
      contacts: [{ externalId: "c1", lastActivityAt: corrected }],
    });
    expect(await plain.json()).toMatchObject({ updated: 1, errors: [] });
    expect((await contactsOf(tenant.id))[0]!.lastActivityAt).toEqual(wrong);

    const override = await postContacts(key, {
      contacts: [{ externalId: "c1", lastActivityAt: corrected, lastActivityOverride: true }],
    });
    expect(await override.json()).toMatchObject({ updated: 1, errors: [] });
    const [stored] = await contactsOf(tenant.id);
    expect(stored!.lastActivityAt).toEqual(new Date(corrected));
    // The engine counts from the corrected value (Oct 31 in Chicago): six months, local midnight.
    expect(stored!.nextCheckAt).toEqual(new Date("2027-04-30T05:00:00Z"));
    const timeline = await contactTimeline(handle.db, tenant.id, contact.id);
    expect(timeline!.events).toEqual([
      expect.objectContaining({
        type: "last_activity_overridden",
        at: now,
        reason: expect.stringContaining("9999-12-31T23:59:59.000Z"),
      }),
    ]);
    const [event] = await handle.db
      .select()
      .from(engineEvents)
      .where(eq(engineEvents.contactId, contact.id));
    expect(event!.data).toEqual({
      before: "9999-12-31T23:59:59.000Z",
      after: "2026-11-01T02:00:00.000Z",
    });
    await planContacts(handle.db, [contact.id], now);
    const [cycle] = await handle.db.select().from(cycles).where(eq(cycles.contactId, contact.id));
    expect(cycle!.startedAt).toEqual(new Date(corrected));
  });

  it("refuses an override without the value it sets", async () => {
    const { key } = await tenantWithKey();
    const body = await (
      await postContacts(key, { contacts: [{ externalId: "c1", lastActivityOverride: true }] })
    ).json();
    expect(body.errors).toEqual([
      {
        index: 0,
        field: "lastActivityAt",
        reason: "is required when lastActivityOverride is true",
      },
    ]);
  });

  it("enforces the size limit on a streamed body that has no Content-Length", async () => {
    const { key } = await tenantWithKey();
    const chunk = new TextEncoder().encode(" ".repeat(256 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 12) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request("http://rekindle.test/api/v1/contacts", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    const response = await runBatch(handle.db, request, contactsBatch as never, now);
    expect(response.status).toBe(413);
  });

  it("stores the first name as given, clears it with null, and refuses one with a line break", async () => {
    const { tenant, key } = await tenantWithKey();
    const first = await postContacts(key, {
      contacts: [
        { externalId: "c1", name: "Phan Diễm Hương", firstName: " Diễm Hương " },
        { externalId: "c2", firstName: "Lan\nNguyen" },
      ],
    });
    expect((await first.json()).errors).toEqual([
      {
        index: 1,
        field: "firstName",
        reason: "must not contain control characters such as NUL, tabs or line breaks",
      },
    ]);
    expect((await contactsOf(tenant.id))[0]!.firstName).toBe("Diễm Hương");
    await postContacts(key, { contacts: [{ externalId: "c1", name: "Phan Diễm Hương" }] });
    expect((await contactsOf(tenant.id))[0]!.firstName).toBe("Diễm Hương");
    await postContacts(key, { contacts: [{ externalId: "c1", firstName: null }] });
    expect((await contactsOf(tenant.id))[0]!.firstName).toBeNull();
  });
});

describe("POST /api/v1/contacts: what the engine sees change", () => {
  /** A customer of the home-services preset, dormant since April: its six-month reminder planned. */
  async function plannedCustomer(fields: Parameters<typeof createContact>[2] = {}) {
    const { tenant, key } = await tenantWithKey();
    const contact = await createContact(handle.db, tenant.id, {
      externalId: "c1",
      email: "maya@mail.example",
      phone: "+13125550199",
      channels: { email: "subscribed", sms: "subscribed" },
      lastActivityAt: new Date("2026-04-01T15:00:00Z"),
      ...fields,
    });
    await planContacts(handle.db, [contact.id], now);
    return { tenant, key, contact };
  }
  const typesOf = async (contactId: string) =>
    (await eventsOf(handle.db, contactId)).map((e) => e.type);

  it("a later lastActivityAt is a return: the cycle closes and its pending sends are canceled, logged", async () => {
    const { tenant, key, contact } = await plannedCustomer();
    expect((await deliveriesOf(handle.db, contact.id)).map((d) => d.status)).toEqual([
      "pending",
      "pending",
    ]);
    const body = await postContacts(key, {
      contacts: [{ externalId: "c1", lastActivityAt: "2026-11-23T05:00:00-06:00" }],
    });
    expect(await body.json()).toMatchObject({ updated: 1, errors: [] });
    expect((await deliveriesOf(handle.db, contact.id)).map((d) => [d.status, d.reason])).toEqual([
      ["canceled", "activity"],
      ["canceled", "activity"],
    ]);
    expect(await typesOf(contact.id)).toEqual([
      "cycle_started",
      "stage_reached",
      "deferred_quiet_hours",
      "canceled_reset",
      "canceled_reset",
      "cycle_closed",
    ]);
    const [cycle] = await handle.db.select().from(cycles).where(eq(cycles.contactId, contact.id));
    expect(cycle).toMatchObject({ closedAt: now, closeReason: "activity" });
    const [stored] = await contactsOf(tenant.id);
    expect(stored!.lastActivityAt).toEqual(new Date("2026-11-23T11:00:00Z"));
    // The next milestone counts from the return: six months later, at local midnight.
    expect(stored!.nextCheckAt).toEqual(new Date("2027-05-23T05:00:00Z"));
  });

  it("an earlier lastActivityAt changes nothing; an override closes the cycle as a correction", async () => {
    const { key, contact } = await plannedCustomer();
    await postContacts(key, {
      contacts: [{ externalId: "c1", lastActivityAt: "2026-03-01T00:00:00Z" }],
    });
    expect((await deliveriesOf(handle.db, contact.id)).map((d) => d.status)).toEqual([
      "pending",
      "pending",
    ]);
    await postContacts(key, {
      contacts: [
        { externalId: "c1", lastActivityAt: "2026-03-01T00:00:00Z", lastActivityOverride: true },
      ],
    });
    expect((await deliveriesOf(handle.db, contact.id)).map((d) => d.status)).toEqual([
      "canceled",
      "canceled",
    ]);
    const events = await eventsOf(handle.db, contact.id);
    expect(events.slice(3).map((e) => e.type)).toEqual([
      "canceled_reset",
      "canceled_reset",
      "cycle_closed",
      "last_activity_overridden",
    ]);
    expect(events[5]!.reason).toBe(
      "The last activity was corrected to 2026-03-01T00:00:00.000Z: the chain starts over from it.",
    );
  });

  it.each([
    ["email", { email: "maya.new@mail.example" }, "the contacts API: new email address"],
    ["sms", { phone: "+13125550100" }, "the contacts API: new phone number"],
    ["zalo", { zaloUserId: "zalo-new" }, "the contacts API: new Zalo user id"],
  ] as const)(
    "a new address makes an unreachable %s reachable again, logged with its source",
    async (channel, address, source) => {
      const { tenant, key } = await tenantWithKey();
      const contact = await createContact(handle.db, tenant.id, {
        externalId: "c1",
        email: "maya@mail.example",
        phone: "+13125550199",
        zaloUserId: "zalo-old",
        channels: { email: "unreachable", sms: "unreachable", zalo: "unreachable" },
        nextCheckAt: null,
      });
      await postContacts(key, { contacts: [{ externalId: "c1", ...address }] });
      const [stored] = await contactsOf(tenant.id);
      expect(stored!.channels).toEqual({
        email: "unreachable",
        sms: "unreachable",
        zalo: "unreachable",
        [channel]: "subscribed",
      });
      // Planned again at once: a reminder may be waiting for that channel.
      expect(stored!.nextCheckAt).toEqual(now);
      const changed = (await eventsOf(handle.db, contact.id)).filter(
        (e) => e.type === "channel_changed",
      );
      expect(changed.map((e) => [e.reason, e.data])).toEqual([
        [`Subscribed to ${channel} through ${source}.`, { channel, state: "subscribed" }],
      ]);
    },
  );

  it("the same address sent again, or a new one with the channel's state, changes nothing else", async () => {
    const { tenant, key } = await tenantWithKey();
    const contact = await createContact(handle.db, tenant.id, {
      externalId: "c1",
      email: "maya@mail.example",
      phone: "+13125550199",
      channels: { email: "unreachable", sms: "unreachable" },
    });
    await postContacts(key, {
      contacts: [{ externalId: "c1", email: "maya@mail.example", phone: "+13125550199" }],
    });
    await postContacts(key, {
      contacts: [{ externalId: "c1", phone: "+13125550100", channels: { sms: "unsubscribed" } }],
    });
    const [stored] = await contactsOf(tenant.id);
    expect(stored!.channels).toEqual({ email: "unreachable", sms: "unsubscribed" });
    expect(await typesOf(contact.id)).toEqual([]);
  });
});

describe("POST /api/v1/activity", () => {
  async function tenantWithContact() {
    const { tenant, key } = await tenantWithKey();
    const contact = await createContact(handle.db, tenant.id, {
      externalId: "cust-1",
      lastActivityAt: new Date("2026-01-10T00:00:00Z"),
    });
    return { tenant, key, contact };
  }
  const lastActivity = async (id: string) =>
    (await handle.db.select().from(contacts).where(eq(contacts.id, id)))[0]!.lastActivityAt;

  it("stores the good row, reports the bad one, and stores nothing new the second time", async () => {
    const { tenant, key, contact } = await tenantWithContact();
    const body = {
      activity: [
        {
          externalId: "job-1",
          contactExternalId: "cust-1",
          kind: "job_completed",
          occurredAt: "2026-11-20T16:00:00-06:00",
          revenueMinor: 32_500,
          currency: "USD",
        },
        {
          externalId: "job-2",
          contactExternalId: "cust-1",
          kind: "job_completed",
          occurredAt: "not a time",
        },
      ],
    };
    const first = await (await postActivity(key, body)).json();
    expect(first).toEqual({
      stored: 1,
      duplicates: 0,
      errors: [{ index: 1, field: "occurredAt", reason: "must be an ISO-8601 time with zone" }],
    });
    const second = await (await postActivity(key, body)).json();
    expect(second).toMatchObject({ stored: 0, duplicates: 1 });
    const events = await handle.db
      .select()
      .from(activityEvents)
      .where(eq(activityEvents.tenantId, tenant.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      revenueMinor: 32_500,
      currency: "USD",
      contactId: contact.id,
    });
    expect(await lastActivity(contact.id)).toEqual(new Date("2026-11-20T22:00:00Z"));
  });

  it("moves the last activity forward only, and only for qualifying kinds", async () => {
    const { key, contact } = await tenantWithContact();
    await postActivity(key, {
      activity: [
        {
          externalId: "old",
          contactExternalId: "cust-1",
          kind: "job_completed",
          occurredAt: "2025-06-01T00:00:00Z",
        },
        {
          externalId: "buy",
          contactExternalId: "cust-1",
          kind: "purchase",
          occurredAt: "2026-11-01T00:00:00Z",
          revenueMinor: 100,
          currency: "USD",
        },
      ],
    });
    expect(await lastActivity(contact.id)).toEqual(new Date("2026-01-10T00:00:00Z"));
  });

  it("rejects events for unknown contacts, unknown exercises and the future, keeping the rest", async () => {
    const { key, contact } = await tenantWithContact();
    const at = "2026-11-22T00:00:00Z";
    const body = await (
      await postActivity(key, {
        activity: [
          { externalId: "e1", contactExternalId: "nobody", kind: "visit", occurredAt: at },
          {
            externalId: "e2",
            contactExternalId: "cust-1",
            kind: "exercise_completed",
            occurredAt: at,
            exerciseExternalId: "ex-404",
          },
          {
            externalId: "e3",
            contactExternalId: "cust-1",
            kind: "job_booked",
            occurredAt: "2026-12-25T00:00:00Z",
          },
          { externalId: "e4", contactExternalId: "cust-1", kind: "job_booked", occurredAt: at },
        ],
      })
    ).json();
    expect(body.stored).toBe(1);
    expect(body.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
      [0, "contactExternalId"],
      [1, "exerciseExternalId"],
      [2, "occurredAt"],
    ]);
    expect(await lastActivity(contact.id)).toEqual(new Date(at));
  });

  it("reports NUL characters and the year 0000 per row and stores the valid rows", async () => {
    const { key, contact } = await tenantWithContact();
    const event = (externalId: string, fields: Record<string, string> = {}) => ({
      externalId,
      contactExternalId: "cust-1",
      kind: "job_completed",
      occurredAt: "2026-11-22T00:00:00Z",
      ...fields,
    });
    const response = await postActivity(key, {
      activity: [
        event("nul\u0000"),
        event("e1", { contactExternalId: "cust\u0000-1" }),
        event("e2", { exerciseExternalId: "\u0000" }),
        event("e3", { occurredAt: "0000-01-01T00:00:00Z" }),
        event("e4", { occurredAt: "9999-12-31T23:59:59Z" }),
        event("good"),
      ],
    });
    expect(response.status).toBe(200);
    const control = "must not contain control characters such as NUL, tabs or line breaks";
    expect(await response.json()).toEqual({
      stored: 1,
      duplicates: 0,
      errors: [
        { index: 0, field: "externalId", reason: control },
        { index: 1, field: "contactExternalId", reason: control },
        { index: 2, field: "exerciseExternalId", reason: control },
        { index: 3, field: "occurredAt", reason: "must not be before 1970-01-01" },
        { index: 4, field: "occurredAt", reason: "is in the future" },
      ],
    });
    expect(await lastActivity(contact.id)).toEqual(new Date("2026-11-22T00:00:00Z"));
  });

  it("cannot post activity for another tenant's contact", async () => {
    const a = await tenantWithKey();
    const b = await createTenant(handle.db);
    const bContact = await createContact(handle.db, b.id, { externalId: "theirs" });
    const body = await (
      await postActivity(a.key, {
        activity: [
          {
            externalId: "x",
            contactExternalId: "theirs",
            kind: "job_completed",
            occurredAt: "2026-11-22T00:00:00Z",
          },
        ],
      })
    ).json();
    expect(body).toMatchObject({ stored: 0, errors: [{ index: 0, field: "contactExternalId" }] });
    expect(await lastActivity(bContact.id)).toBeNull();
  });

  it("treats the same external id in two tenants as two events", async () => {
    const a = await tenantWithContact();
    const b = await tenantWithContact();
    const event = {
      externalId: "shared",
      contactExternalId: "cust-1",
      kind: "job_completed",
      occurredAt: "2026-11-22T00:00:00Z",
    };
    expect(await (await postActivity(a.key, { activity: [event] })).json()).toMatchObject({
      stored: 1,
    });
    expect(await (await postActivity(b.key, { activity: [event] })).json()).toMatchObject({
      stored: 1,
    });
  });
});

describe("POST /api/v1/push-subscriptions", () => {
  it("reports a NUL in the contact's external id per row", async () => {
    const tenant = await createTenant(handle.db, "self_study");
    const key = await createKey(handle.db, tenant.id);
    const response = await post(pushSubscriptionsBatch as never, key, {
      subscriptions: [
        {
          externalId: "cust\u0000-1",
          subscription: {
            endpoint: "https://push.example.net/send/abc",
            keys: { p256dh: "B".repeat(87), auth: "a".repeat(22) },
          },
        },
      ],
    });
    expect(response.status).toBe(200);
    expect((await response.json()).errors).toEqual([
      {
        index: 0,
        field: "externalId",
        reason: "must not contain control characters such as NUL, tabs or line breaks",
      },
    ]);
  });
});
