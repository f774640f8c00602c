import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  activityEvents,
  contacts,
  exercises,
  templatePins,
  templateRevisions,
  templates,
  tenantSettings,
  tenants,
  users,
} from "@/db/schema";
import { presetFor } from "@/db/presets";
import { runUntil } from "@/server/engine/virtual-time";
import { followLink } from "@/server/links/follow-link";
import { setChannelState } from "@/server/preferences/channel-state";
import { applyInboundSms } from "@/server/webhooks/apply-inbound-sms";
import { openTestDb } from "@/test/db";
import { homeServicesCustomer } from "@/test/customer";
import { deliveriesOf, eventsOf, linksOf, outboxOf, recordingProvider } from "@/test/engine";
import { createContact, createTenant } from "@/test/factories";
import type { VariantContent } from "./variant-content";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const from = new Date("2025-12-31T12:00:00Z");
const until = new Date("2026-01-02T00:00:00Z");

const customer = (fields: Parameters<typeof homeServicesCustomer>[1] = {}) =>
  homeServicesCustomer(handle.db, fields);

async function approve(
  tenantId: string,
  stage: string,
  name: string,
  ctaKind: string,
  content: VariantContent,
) {
  const [author] = await handle.db
    .insert(users)
    .values({ email: `${crypto.randomUUID()}@x.example` })
    .returning();
  const [template] = await handle.db
    .insert(templates)
    .values({ tenantId, stage, channel: content.channel, name })
    .returning();
  const [revision] = await handle.db
    .insert(templateRevisions)
    .values({
      tenantId,
      templateId: template!.id,
      number: 1,
      status: "approved",
      ctaKind,
      content,
      authorId: author!.id,
    })
    .returning();
  await handle.db
    .update(templates)
    .set({ approvedRevisionId: revision!.id })
    .where(eq(templates.id, template!.id));
  return revision!;
}

describe("what a reminder says (SPEC §1.6)", () => {
  it("uses the built-in fallback when no variant is approved, and logs it", async () => {
    const { contact, provider } = await customer();
    await runUntil(handle.db, provider, from, until);
    const outbox = await outboxOf(handle.db, contact.id);
    expect(outbox.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    const email = outbox.find((m) => m.channel === "email")!;
    expect(email.html).toContain("Hi Maria,");
    expect(email.html).toContain("1 Test Street");
    expect(email.meta).toMatchObject({
      headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
    expect(outbox.find((m) => m.channel === "sms")!.text).toMatch(/Reply STOP to opt out\.$/);
    const chosen = (await eventsOf(handle.db, contact.id)).filter(
      (e) => e.type === "content_chosen",
    );
    expect(chosen.map((e) => e.reason).sort()).toEqual([
      "No approved variant for six_months × email: the built-in fallback was used.",
      "No approved variant for six_months × sms: the built-in fallback was used.",
    ]);
  });

  it("sends an approved variant, kept on the delivery exactly as sent", async () => {
    const { tenant, contact, provider } = await customer();
    const revision = await approve(tenant.id, "six_months", "A", "book_now", {
      channel: "sms",
      text: "{{first_name}}, time for your check-up: {{cta_link}}",
    });
    await runUntil(handle.db, provider, from, until);
    const sms = (await deliveriesOf(handle.db, contact.id)).find((d) => d.channel === "sms")!;
    expect(sms).toMatchObject({ status: "sent", variant: "A" });
    expect(sms.content).toMatchObject({ revisionId: revision.id, ctaKind: "book_now" });
    const [message] = (await outboxOf(handle.db, contact.id)).filter((m) => m.channel === "sms");
    expect(message!.text).toMatch(
      /^Maria, time for your check-up: http:\/\/localhost:3000\/r\/\S+ Reply STOP to opt out\.$/,
    );
  });

  it("does not send an email that fails a compliance guard, and says why", async () => {
    const { tenant, contact, provider } = await customer();
    await handle.db.update(tenants).set({ postalAddress: " " }).where(eq(tenants.id, tenant.id));
    await runUntil(handle.db, provider, from, until);
    const rows = await deliveriesOf(handle.db, contact.id);
    expect(rows.map((d) => [d.channel, d.status, d.reason])).toEqual([
      ["email", "failed", "guard:postal_address"],
      ["sms", "sent", null],
    ]);
    expect((await outboxOf(handle.db, contact.id)).map((m) => m.channel)).toEqual(["sms"]);
    const guard = (await eventsOf(handle.db, contact.id)).find((e) => e.type === "guard_failed");
    expect(guard?.reason).toBe(
      "Not sent on email: the workspace has no postal address for the footer (compliance guard).",
    );
  });

  it("retries send exactly the first attempt's message", async () => {
    const { contact, provider, failNext, callsOf } = await customer();
    failNext({ contactId: contact.id, channel: "sms", kind: "transient", times: 1 });
    await runUntil(handle.db, provider, from, until);
    const calls = callsOf(contact.id).filter((c) => c.channel === "sms");
    expect(calls).toHaveLength(2);
    const sms = (await deliveriesOf(handle.db, contact.id)).find((d) => d.channel === "sms")!;
    const [message] = (await outboxOf(handle.db, contact.id)).filter((m) => m.channel === "sms");
    expect(message!.text).toBe(
      sms.content!.message.channel === "sms" ? sms.content!.message.text : null,
    );
  });

  it("recommends pinned, then fresh, then trending exercises, and logs the rule of each", async () => {
    const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    const at = (iso: string) => new Date(iso);
    const [pinned] = await handle.db
      .insert(exercises)
      .values([
        {
          tenantId: tenant.id,
          externalId: "ex-pin",
          program: "ielts",
          skill: "listening",
          title: "Pinned drill",
          publishedAt: at("2025-01-01T00:00:00Z"),
          popularity: 1,
          // Where the catalog says it opens; the others open at <app link>/exercises/<id>.
          url: "https://learn.lotus.example/drills/pin",
        },
        {
          tenantId: tenant.id,
          externalId: "ex-new",
          program: "ielts",
          skill: "writing",
          title: "Fresh essay",
          publishedAt: at("2026-01-05T00:00:00Z"),
          popularity: 2,
        },
        {
          tenantId: tenant.id,
          externalId: "ex-hot",
          program: "toeic",
          skill: "speaking",
          title: "Hot speaking",
          publishedAt: at("2024-01-01T00:00:00Z"),
          popularity: 99,
        },
      ])
      .returning();
    const variant = await approve(tenant.id, "week", "A", "explore_new", {
      channel: "zalo",
      text: "New for you {{exercises}} {{cta_link}}",
    });
    await handle.db
      .insert(templatePins)
      .values({ templateId: variant.templateId, exerciseId: pinned!.id, position: 0 });
    // Last practice Jan 3 10:00 local → week reached Jan 10.
    const last = at("2026-01-03T03:00:00Z");
    const contact = await createContact(handle.db, tenant.id, {
      name: "Lan Nguyen",
      timeZone: "Asia/Ho_Chi_Minh",
      program: "ielts",
      lastSkill: "speaking",
      channels: { zalo: "subscribed" },
      lastActivityAt: last,
      nextCheckAt: at("2026-01-09T00:00:00Z"),
    });
    const { provider } = recordingProvider(handle.db);
    await runUntil(handle.db, provider, at("2026-01-09T00:00:00Z"), at("2026-01-11T00:00:00Z"));
    const rows = await deliveriesOf(handle.db, contact.id);
    const zalo = rows.find((d) => d.stage === "week" && d.status === "sent")!;
    expect(zalo.content!.recommendations.map((r) => [r.title, r.rule])).toEqual([
      ["Pinned drill", "pinned"],
      ["Fresh essay", "fresh_in_program"],
      ["Hot speaking", "trending_in_skill"],
    ]);
    const targets = (await linksOf(handle.db, contact.id)).filter(
      (l) => l.deliveryId === zalo.id && l.kind === "tracked",
    );
    expect(targets.map((t) => t.target).sort()).toEqual([
      "https://app.example.com/practice",
      "https://app.example.com/practice/exercises/ex-hot",
      "https://app.example.com/practice/exercises/ex-new",
      "https://learn.lotus.example/drills/pin",
    ]);
  });
});

describe("the streak-lost recap (SPEC §1.6)", () => {
  it("recaps the streak that ended and the last exercise, in the contact's local days", async () => {
    const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    const [exercise] = await handle.db
      .insert(exercises)
      .values({
        tenantId: tenant.id,
        externalId: "ex-1",
        program: "ielts",
        skill: "listening",
        title: "Airport announcements",
        publishedAt: new Date("2025-01-01T00:00:00Z"),
      })
      .returning();
    // Dec 30, 31 and Jan 1, 20:00 local each: a three-day streak that ends on Jan 1.
    const days = ["2025-12-30T13:00:00Z", "2025-12-31T13:00:00Z", "2026-01-01T13:00:00Z"];
    const last = new Date(days.at(-1)!);
    const contact = await createContact(handle.db, tenant.id, {
      name: "Lan Nguyen",
      timeZone: "Asia/Ho_Chi_Minh",
      channels: { zalo: "subscribed" },
      lastActivityAt: last,
      nextCheckAt: last,
    });
    await handle.db.insert(activityEvents).values(
      days.map((at, i) => ({
        tenantId: tenant.id,
        contactId: contact.id,
        externalId: `a-${contact.id}-${i}`,
        kind: "exercise_completed" as const,
        occurredAt: new Date(at),
        exerciseId: exercise!.id,
      })),
    );
    const { provider } = recordingProvider(handle.db);
    await runUntil(handle.db, provider, last, new Date("2026-01-04T00:00:00Z"));
    const [message] = await outboxOf(handle.db, contact.id);
    expect(message!.text).toContain(
      "You practised 3 days in a row. Last time: Airport announcements.",
    );
  });
});

describe("links, preferences and opt-outs (SPEC §1.4–1.5)", () => {
  it("a tracked link records the click, cancels the reminder's pending sends elsewhere, and leads to its target", async () => {
    const { contact, provider, failNext } = await customer();
    // SMS fails once: its retry is pending when the email link is opened.
    failNext({ contactId: contact.id, channel: "sms", kind: "transient", times: 1 });
    await runUntil(handle.db, provider, from, new Date("2026-01-01T14:01:00Z"));
    const link = /href="http:\/\/localhost:3000\/r\/([^"]+)"/.exec(
      (await outboxOf(handle.db, contact.id)).find((m) => m.channel === "email")!.html!,
    )![1]!;
    const followed = await followLink(handle.db, link, new Date("2026-01-01T14:02:00Z"), null);
    expect(followed).toEqual({ ok: true, target: "https://www.example.com" });
    const sms = (await deliveriesOf(handle.db, contact.id)).find((d) => d.channel === "sms")!;
    expect(sms.status).toBe("canceled");
  });

  it("email unsubscribe stops email only; the preference center turns a channel back on", async () => {
    const { tenant, contact, provider } = await customer();
    await setChannelState(handle.db, {
      tenantId: tenant.id,
      contactId: contact.id,
      channel: "email",
      state: "unsubscribed",
      source: "one-click unsubscribe",
      now: from,
    });
    await runUntil(handle.db, provider, from, until);
    expect((await deliveriesOf(handle.db, contact.id)).map((d) => [d.channel, d.status])).toEqual([
      ["email", "skipped"],
      ["sms", "sent"],
    ]);
    const [row] = await handle.db
      .select({ channels: contacts.channels })
      .from(contacts)
      .where(eq(contacts.id, contact.id));
    expect(row!.channels).toEqual({ email: "unsubscribed", sms: "subscribed" });
    expect(
      await setChannelState(handle.db, {
        tenantId: crypto.randomUUID(),
        contactId: contact.id,
        channel: "email",
        state: "subscribed",
        source: "x",
        now: until,
      }),
    ).toBe(false);
  });

  it("one-click email unsubscribe leaves web push and Zalo on: the next reminder goes there", async () => {
    const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    const settings = {
      ...presetFor("self_study"),
      channels: ["email", "web_push", "zalo"] as const,
    };
    await handle.db
      .update(tenantSettings)
      .set({ settings: { ...settings, channels: [...settings.channels] } })
      .where(eq(tenantSettings.tenantId, tenant.id));
    // Last practice Jan 1 21:00 local → streak_lost Jan 3, sent 08:00 local (01:00Z).
    const last = new Date("2026-01-01T14:00:00Z");
    const contact = await createContact(handle.db, tenant.id, {
      name: "Lan Nguyen",
      email: "lan@mail.example",
      timeZone: "Asia/Ho_Chi_Minh",
      channels: { email: "subscribed", web_push: "subscribed", zalo: "subscribed" },
      lastActivityAt: last,
      nextCheckAt: last,
    });
    await setChannelState(handle.db, {
      tenantId: tenant.id,
      contactId: contact.id,
      channel: "email",
      state: "unsubscribed",
      source: "one-click unsubscribe",
      now: last,
    });
    const { provider } = recordingProvider(handle.db);
    await runUntil(handle.db, provider, last, new Date("2026-01-04T00:00:00Z"));
    const rows = await deliveriesOf(handle.db, contact.id);
    expect(rows.map((d) => [d.channel, d.status]).sort()).toEqual([
      ["email", "skipped"],
      ["web_push", "sent"],
      ["zalo", "sent"],
    ]);
  });

  it("SMS STOP opts out of SMS, START opts back in; other words change nothing", async () => {
    const { contact } = await customer({ phone: "+13125550999" });
    const state = async () =>
      (
        await handle.db
          .select({ c: contacts.channels })
          .from(contacts)
          .where(eq(contacts.id, contact.id))
      )[0]!.c;
    expect(await applyInboundSms(handle.db, "+13125550999", " stop ", from)).toEqual({
      keyword: "stop",
      changed: 1,
    });
    expect(await state()).toEqual({ email: "subscribed", sms: "unsubscribed" });
    expect(await applyInboundSms(handle.db, "+13125550999", "Thanks!", from)).toEqual({
      keyword: null,
      changed: 0,
    });
    expect(await applyInboundSms(handle.db, "+13125550999", "START", from)).toEqual({
      keyword: "start",
      changed: 1,
    });
    expect(await state()).toEqual({ email: "subscribed", sms: "subscribed" });
  });
});
