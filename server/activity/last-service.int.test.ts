import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { activityEvents, contacts, templateRevisions, templates, users } from "@/db/schema";
import { previewMessage } from "@/server/content/preview";
import type { VariantContent } from "@/server/content/variant-content";
import { runUntil } from "@/server/engine/virtual-time";
import { runBatch } from "@/server/http/batch-request";
import { activityBatch } from "@/server/http/endpoints";
import { applyNichePreset } from "@/server/niches/apply";
import { openTestDb } from "@/test/db";
import { homeServicesCustomer } from "@/test/customer";
import { outboxOf } from "@/test/engine";
import { createKey } from "@/test/factories";
import { recordInline } from "./recorders";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

/*
 * A Chicago customer last seen 2025-01-10. The job posted below, completed 2025-07-01 10:00 CDT,
 * becomes the last activity: the six-month reminder is reached at local midnight on 2026-01-01
 * and goes out at 08:00 CST (14:00Z), when six calendar months have passed.
 */
const postedAt = new Date("2025-07-03T00:00:00Z");
const from = new Date("2025-12-31T12:00:00Z");
const until = new Date("2026-01-02T00:00:00Z");

async function customerWithKey() {
  const customer = await homeServicesCustomer(handle.db, {
    lastActivityAt: new Date("2025-01-10T16:00:00Z"),
    nextCheckAt: null,
  });
  return { ...customer, key: await createKey(handle.db, customer.tenant.id) };
}

/** `POST /api/v1/activity` through the route's own handler, at `postedAt`. */
async function postActivity(key: string, activity: unknown[], now = postedAt) {
  const request = new Request("http://rekindle.test/api/v1/activity", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ activity }),
  });
  const response = await runBatch(handle.db, request, activityBatch(recordInline), now);
  return { status: response.status, body: await response.json() };
}

const gutterJob = (contactExternalId: string, fields: Record<string, unknown> = {}) => ({
  externalId: `job-${crypto.randomUUID()}`,
  contactExternalId,
  kind: "job_completed",
  occurredAt: "2025-07-01T10:00:00-05:00",
  revenueMinor: 18_500,
  currency: "USD",
  service: { name: "Gutter cleaning", details: "Front and back, downspouts flushed." },
  ...fields,
});

async function contactRow(id: string) {
  const [row] = await handle.db.select().from(contacts).where(eq(contacts.id, id));
  return row!;
}

async function approve(tenantId: string, stage: string, content: VariantContent) {
  const [author] = await handle.db
    .insert(users)
    .values({ email: `${crypto.randomUUID()}@x.example` })
    .returning();
  const [template] = await handle.db
    .insert(templates)
    .values({ tenantId, stage, channel: content.channel, name: "A" })
    .returning();
  const [revision] = await handle.db
    .insert(templateRevisions)
    .values({
      tenantId,
      templateId: template!.id,
      number: 1,
      status: "approved",
      ctaKind: "book_now",
      content,
      authorId: author!.id,
    })
    .returning();
  await handle.db
    .update(templates)
    .set({ approvedRevisionId: revision!.id })
    .where(eq(templates.id, template!.id));
}

const personalSms: VariantContent = {
  channel: "sms",
  text: "{{first_name}}, time for another {{last_service}}? Last one on {{last_service_date}}, {{months_since}} ago. {{cta_link}}",
};

describe("POST /api/v1/activity with the job's service", () => {
  it("stores the service on the event and makes it the contact's last service", async () => {
    const { contact, key } = await customerWithKey();
    const answer = await postActivity(key, [gutterJob(contact.externalId)]);
    expect(answer).toEqual({ status: 200, body: { stored: 1, duplicates: 0, errors: [] } });
    const [event] = await handle.db
      .select()
      .from(activityEvents)
      .where(eq(activityEvents.contactId, contact.id));
    expect(event).toMatchObject({
      serviceName: "Gutter cleaning",
      serviceDetails: "Front and back, downspouts flushed.",
    });
    expect(await contactRow(contact.id)).toMatchObject({
      lastService: "Gutter cleaning",
      lastServiceAt: new Date("2025-07-01T15:00:00Z"),
      lastActivityAt: new Date("2025-07-01T15:00:00Z"),
    });
  });

  it("refuses a bad service with its field and reason, and stores nothing of that row", async () => {
    const { contact, key } = await customerWithKey();
    const answer = await postActivity(key, [
      gutterJob(contact.externalId, { service: {} }),
      gutterJob(contact.externalId, { service: { name: "x".repeat(101) } }),
      gutterJob(contact.externalId, { service: { name: "Deep clean", colour: "red" } }),
    ]);
    expect(answer).toEqual({
      status: 200,
      body: {
        stored: 0,
        duplicates: 0,
        errors: [
          { index: 0, field: "service.name", reason: "is required when service is given" },
          { index: 1, field: "service.name", reason: "must be at most 100 characters" },
          { index: 2, field: "service.colour", reason: "is not a known field" },
        ],
      },
    });
    expect((await contactRow(contact.id)).lastService).toBeNull();
  });

  it("only a newer qualifying event moves the last service: not a purchase, not an older job", async () => {
    const { contact, key } = await customerWithKey();
    await postActivity(key, [gutterJob(contact.externalId)]);
    const later = await postActivity(key, [
      // A purchase names what was bought, but it is not a job done for the customer.
      gutterJob(contact.externalId, {
        kind: "purchase",
        occurredAt: "2025-07-02T09:00:00-05:00",
        service: { name: "Gift card" },
      }),
      // An older job arriving late.
      gutterJob(contact.externalId, {
        kind: "job_booked",
        occurredAt: "2025-06-01T09:00:00-05:00",
        service: { name: "Window washing" },
      }),
      // A newer booking without a service moves the last activity, not the last service.
      gutterJob(contact.externalId, {
        kind: "job_booked",
        occurredAt: "2025-07-02T08:00:00-05:00",
        service: undefined,
      }),
    ]);
    expect(later.body).toMatchObject({ stored: 3, errors: [] });
    expect(await contactRow(contact.id)).toMatchObject({
      lastService: "Gutter cleaning",
      lastServiceAt: new Date("2025-07-01T15:00:00Z"),
      lastActivityAt: new Date("2025-07-02T13:00:00Z"),
    });
  });

  it("of two jobs in one batch the newer one counts; a repeated event changes nothing", async () => {
    const { contact, key } = await customerWithKey();
    const newer = gutterJob(contact.externalId, {
      occurredAt: "2025-07-01T16:00:00-05:00",
      service: { name: "Roof inspection" },
    });
    await postActivity(key, [newer, gutterJob(contact.externalId)]);
    expect((await contactRow(contact.id)).lastService).toBe("Roof inspection");
    const again = await postActivity(key, [{ ...newer, service: { name: "Something else" } }]);
    expect(again.body).toEqual({ stored: 0, duplicates: 1, errors: [] });
    expect((await contactRow(contact.id)).lastService).toBe("Roof inspection");
  });
});

describe("a reminder says the last service (SPEC §1.6)", () => {
  it("an approved variant's {{last_service}}, {{last_service_date}} and {{months_since}}", async () => {
    const { tenant, contact, key, provider } = await customerWithKey();
    await postActivity(key, [gutterJob(contact.externalId)]);
    await approve(tenant.id, "six_months", personalSms);
    await runUntil(handle.db, provider, from, until);
    const [sms] = (await outboxOf(handle.db, contact.id)).filter((m) => m.channel === "sms");
    expect(sms!.text).toMatch(
      /^Maria, time for another Gutter cleaning\? Last one on July 1, 2025, 6 months ago\. http:\/\/\S+\/r\/\S+ Reply STOP to opt out\.$/,
    );
  });

  it("the niche's built-in fallback email names the service and its date", async () => {
    const { tenant, contact, key, provider } = await customerWithKey();
    await applyNichePreset(handle.db, {
      tenantId: tenant.id,
      niche: "owner_operator",
      actor: { userId: null, label: "Test owner" },
      now: postedAt,
    });
    await postActivity(key, [gutterJob(contact.externalId)]);
    await runUntil(handle.db, provider, from, until);
    const outbox = await outboxOf(handle.db, contact.id);
    const email = outbox.find((m) => m.channel === "email")!;
    expect(email.subject).toBe("Anything on your to-do list?");
    expect(email.text).toContain(
      "Thanks again for choosing us for Gutter cleaning on July 1, 2025.",
    );
    expect(email.text).toContain("10% off your next job: use code COMEBACK10.");
    expect(outbox.find((m) => m.channel === "sms")!.text).toMatch(
      /^Test: It has been six months since we last worked for you\./,
    );
  });

  it("the editor's preview on the sample contact fills them, and says “your last visit” without a job", async () => {
    const { tenant, contact, key } = await customerWithKey();
    const preview = () =>
      previewMessage(handle.db, {
        tenantId: tenant.id,
        contactId: null,
        stage: "six_months",
        channel: "sms",
        content: personalSms,
        ctaKind: "book_now",
        templateId: null,
        now: new Date("2026-01-01T14:00:00Z"),
        baseUrl: "https://rekindle.example",
      });
    const before = await preview();
    expect(before?.contact.id).toBe(contact.id);
    if (!before?.composed.ok) throw new Error("the preview failed its guards");
    expect(before.composed.content.message).toMatchObject({
      text: expect.stringMatching(
        /^Maria, time for another your last visit\? Last one on January 10, 2025, 11 months ago\./,
      ),
    });
    await postActivity(key, [gutterJob(contact.externalId)]);
    const after = await preview();
    if (!after?.composed.ok) throw new Error("the preview failed its guards");
    expect(after.composed.content.message).toMatchObject({
      text: expect.stringMatching(
        /^Maria, time for another Gutter cleaning\? Last one on July 1, 2025, 6 months ago\./,
      ),
    });
  });
});
