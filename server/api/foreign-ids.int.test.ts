import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { asc, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbHandle } from "@/db/client";
import {
  activityEvents,
  apiKeys,
  contacts,
  cycles,
  deliveries,
  engineEvents,
  exercises,
  links,
  reminders,
  templatePins,
  templateRevisions,
  templates,
} from "@/db/schema";
import { recordInline } from "@/server/activity/recorders";
import { createApiKey } from "@/server/api-keys/keys";
import { loadExtras } from "@/server/content/compose";
import { loadPins } from "@/server/content/load-catalog";
import { previewMessage } from "@/server/content/preview";
import { loadContact } from "@/server/engine/contact-context";
import { contactTimeline } from "@/server/engine/explain/timeline";
import { runBatch } from "@/server/http/batch-request";
import { activityBatch } from "@/server/http/endpoints";
import { followLink } from "@/server/links/follow-link";
import { setChannelState } from "@/server/preferences/channel-state";
import { preferencesOf } from "@/server/preferences/preference-center";
import { NotFound, variantDetail } from "@/server/templates/workflow";
import { openTestDb } from "@/test/db";
import {
  callerFor,
  createContact,
  createExercise,
  createMember,
  createTenant,
} from "@/test/factories";
import { presetFor } from "@/db/presets";
import { appRouter } from "./root";

/*
 * Tenant scope by construction: a user of workspace A passes workspace B's ids to every procedure
 * that takes one. Each call answers NOT_FOUND, says nothing of B, and changes nothing anywhere.
 * The procedures are enumerated from the router, so a new one taking an id fails here until it
 * is covered.
 */

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

type Api = ReturnType<typeof callerFor>;
// A Zalo message carries the preference center's link (SPEC §1.10).
const zalo = (text: string) => ({ channel: "zalo" as const, text: `${text} {{preferences_link}}` });

/**
 * A learning workspace with one of everything an id can name, built through the API: a contact,
 * an exercise pinned to an approved variant whose next revision is in review, an API key. Every
 * name carries `mark`, so an answer mentioning any of it is caught.
 */
async function workspace(label: string) {
  const { db } = handle;
  const mark = `${label}-${randomUUID().slice(0, 8)}`;
  const tenant = await createTenant(db, "self_study", "Asia/Ho_Chi_Minh");
  const [member, reviewer] = await Promise.all([
    createMember(db, tenant.id, ["owner", "marketer"]),
    createMember(db, tenant.id, ["marketer"]),
  ]);
  const api = callerFor(db, member.id, tenant.id);
  const review = callerFor(db, reviewer.id, tenant.id).templates.review;
  const contact = await createContact(db, tenant.id, {
    name: `${mark} contact`,
    tags: [`${mark}-tag`],
    program: "ielts",
    lastSkill: "listening",
    lastActivityAt: new Date(Date.now() - 10 * 86_400_000),
    channels: { zalo: "subscribed" },
  });
  const exercise = await createExercise(db, tenant.id, { title: `${mark} exercise` });
  const { template, revision } = await api.templates.create({
    stage: "week",
    channel: "zalo",
    ctaKind: "explore_new",
    content: zalo(`${mark} first {{exercises}} {{cta_link}}`),
  });
  await api.templates.review({ revisionId: revision.id, action: "submit", comment: null });
  await review({ revisionId: revision.id, action: "approve", comment: null });
  await api.templates.setPins({ templateId: template.id, exerciseIds: [exercise.id] });
  const inReview = await api.templates.saveDraft({
    templateId: template.id,
    ctaKind: "explore_new",
    content: zalo(`${mark} second {{exercises}} {{cta_link}}`),
  });
  await api.templates.review({ revisionId: inReview.id, action: "submit", comment: null });
  const key = await createApiKey(db, { tenantId: tenant.id, name: `${mark} key`, createdBy: null });
  const ids = [tenant.id, member.id, reviewer.id, contact.id, exercise.id, template.id];
  return {
    mark,
    tenant,
    api,
    contact,
    exercise,
    template,
    member,
    approved: revision,
    inReview,
    key,
    /** What of this workspace no other workspace's answer may contain. */
    markers: [mark, ...ids, revision.id, inReview.id, key.id, key.prefix, contact.externalId],
  };
}
type Workspace = Awaited<ReturnType<typeof workspace>>;

/** Every row of these workspaces that an id in an input could read or change, in a fixed order. */
async function rowsOf(tenantIds: string[]) {
  const { db } = handle;
  const of = (table: PgTable & { tenantId: PgColumn; id: PgColumn }) =>
    db.select().from(table).where(inArray(table.tenantId, tenantIds)).orderBy(asc(table.id));
  const ownTemplates = db
    .select({ id: templates.id })
    .from(templates)
    .where(inArray(templates.tenantId, tenantIds));
  return Promise.all([
    of(contacts),
    of(exercises),
    of(templates),
    of(templateRevisions),
    of(apiKeys),
    of(activityEvents),
    of(deliveries),
    db
      .select()
      .from(templatePins)
      .where(inArray(templatePins.templateId, ownTemplates))
      .orderBy(asc(templatePins.templateId), asc(templatePins.position)),
    db
      .select()
      .from(engineEvents)
      .where(inArray(engineEvents.tenantId, tenantIds))
      .orderBy(asc(engineEvents.seq)),
  ]);
}

/**
 * Each procedure taking an id, with inputs where exactly the ids of B are foreign (A's own ids
 * elsewhere), so the only reason to refuse is the tenant.
 */
function foreignIdCalls(a: Workspace, b: Workspace): Record<string, Record<string, unknown>[]> {
  const preview = {
    stage: "week",
    channel: "zalo",
    content: zalo("Hi {{exercises}} {{cta_link}}"),
  };
  const edit = { ctaKind: "explore_new", content: zalo("Edited {{cta_link}}") };
  return {
    "apiKeys.revoke": [{ id: b.key.id }],
    "contacts.timeline": [{ contactId: b.contact.id }],
    "contacts.profile": [{ contactId: b.contact.id }],
    "contacts.setDoNotContact": [
      { contactId: b.contact.id, on: true },
      { contactId: b.contact.id, on: false },
    ],
    "contacts.turnChannelOff": [{ contactId: b.contact.id, channel: "zalo" }],
    "settings.preview": [{ settings: presetFor("self_study"), contactIds: [b.contact.id] }],
    "team.changeRole": [{ userId: b.member.id, role: "analyst" }],
    "team.remove": [{ userId: b.member.id }],
    "templates.variant": [{ templateId: b.template.id }],
    "templates.saveDraft": [{ templateId: b.template.id, ...edit }],
    "templates.review": [
      { revisionId: b.inReview.id, action: "approve", comment: null },
      { revisionId: b.inReview.id, action: "reject", comment: "No" },
      { revisionId: b.inReview.id, action: "withdraw", comment: null },
      { revisionId: b.approved.id, action: "submit", comment: null },
    ],
    "templates.setPins": [
      { templateId: b.template.id, exerciseIds: [] },
      { templateId: b.template.id, exerciseIds: [a.exercise.id] },
      { templateId: a.template.id, exerciseIds: [b.exercise.id] },
    ],
    "templates.preview": [
      { ...preview, templateId: b.template.id, contactId: a.contact.id },
      { ...preview, templateId: a.template.id, contactId: b.contact.id },
      { ...preview, templateId: null, contactId: b.contact.id },
    ],
  };
}

/** Each query taking no id, with inputs that search for B by its names. */
function searches(b: Workspace): Record<string, unknown[]> {
  return {
    "me.get": [undefined],
    "settings.get": [undefined],
    "apiKeys.list": [undefined],
    "contacts.list": [
      {},
      { search: b.mark },
      { search: b.contact.externalId },
      { tag: `${b.mark}-tag` },
    ],
    "contacts.tags": [undefined],
    "contacts.attention": [undefined],
    "outbox.list": [{}, { contact: b.mark }],
    "templates.grid": [undefined],
    "templates.exercises": [{}, { search: b.mark }],
    "settings.current": [undefined],
    "settings.impact": [{ settings: presetFor("self_study") }],
    "contacts.filterOptions": [undefined],
    "team.list": [undefined],
    "audit.actors": [undefined],
    "modules.status": [undefined],
    "dashboard.get": [
      { from: "2024-01-01", to: "2026-12-31" },
      { from: "2024-01-01", to: "2026-12-31", stage: b.mark },
    ],
    // A page position, not a record: another workspace's id there pages through the caller's own.
    "audit.list": [{}, { kind: "settings" }, { before: new Date(), beforeId: b.tenant.id }],
  };
}

/** Inputs whose id is only a position in the caller's own list (searched, not looked up). */
const pageCursors = new Set(["audit.list"]);

/** Calls a procedure by its path, as the client would, through the caller's real middleware. */
function call(api: Api, path: string, input: unknown): Promise<unknown> {
  const [group, name] = path.split(".") as [string, string];
  const procedures = api as unknown as Record<string, Record<string, (i: unknown) => unknown>>;
  return Promise.resolve(procedures[group]![name]!(input));
}

/** The answer as the client would see it: the result, or the error's code and message. */
async function answerOf(promise: Promise<unknown>): Promise<{ code: string; text: string }> {
  try {
    return { code: "OK", text: JSON.stringify(await promise) };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { code: error.code, text: error.message };
  }
}

/** Which of B's markers the answer contains, beyond the ids the caller sent itself. */
function leaks(text: string, b: Workspace, input: unknown): string[] {
  const sent = JSON.stringify(input ?? null);
  return b.markers.filter((m) => !sent.includes(m) && text.includes(m));
}

/** Whether an input schema names an id: a field called `id`, `…Id` or `…Ids`, or a uuid. */
function takesAnId(schema: z.ZodType): boolean {
  const json = JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
  return /"(id|\w+Ids?)":/.test(json) || json.includes('"format":"uuid"');
}

const mapValues = <T>(record: Record<string, T>, f: (v: T) => T) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));

type Procedure = { _def: { type: string; inputs: z.ZodType[] } };
// Typed as the nested router record, but keyed by each procedure's full path at run time.
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, Procedure>,
);

describe("another workspace's ids (tenant scope by construction)", () => {
  let a: Workspace;
  let b: Workspace;
  beforeAll(async () => {
    a = await workspace("A");
    b = await workspace("B");
  });

  it("covers every procedure that takes an id, and every query that does not", () => {
    const byId = procedures
      .filter(([path, p]) => !pageCursors.has(path) && p._def.inputs.some(takesAnId))
      .map(([path]) => path);
    const queries = procedures
      .filter(([path, p]) => p._def.type === "query" && !byId.includes(path))
      .map(([path]) => path);
    expect(byId.sort()).toEqual(Object.keys(foreignIdCalls(a, b)).sort());
    expect(queries.sort()).toEqual(Object.keys(searches(b)).sort());
  });

  it("answers NOT_FOUND to each of B's ids, says nothing of B, and changes nothing", async () => {
    const before = await rowsOf([a.tenant.id, b.tenant.id]);
    const outcomes: Record<string, string> = {};
    for (const [path, inputs] of Object.entries(foreignIdCalls(a, b)))
      for (const [i, input] of inputs.entries()) {
        const answer = await answerOf(call(a.api, path, input));
        outcomes[`${path} #${i}`] = [answer.code, ...leaks(answer.text, b, input)].join(" ");
      }
    expect(outcomes).toEqual(mapValues(outcomes, () => "NOT_FOUND"));
    expect(await rowsOf([a.tenant.id, b.tenant.id])).toEqual(before);
  });

  it("lists and searches only the caller's workspace", async () => {
    const outcomes: Record<string, string> = {};
    for (const [path, inputs] of Object.entries(searches(b)))
      for (const [i, input] of inputs.entries()) {
        const answer = await answerOf(call(a.api, path, input));
        outcomes[`${path} #${i}`] = [answer.code, ...leaks(answer.text, b, input)].join(" ");
      }
    expect(outcomes).toEqual(mapValues(outcomes, () => "OK"));
  });
});

describe("loaders behind pages, links and the API, given another workspace's ids", () => {
  let a: Workspace;
  let b: Workspace;
  beforeAll(async () => {
    a = await workspace("A");
    b = await workspace("B");
  });

  it("the contact page's timeline and the variant page's detail find nothing", async () => {
    const { db } = handle;
    expect(await contactTimeline(db, a.tenant.id, b.contact.id)).toBeNull();
    await expect(variantDetail(db, a.tenant.id, b.template.id)).rejects.toBeInstanceOf(NotFound);
    expect(await contactTimeline(db, a.tenant.id, a.contact.id)).not.toBeNull();
  });

  it("contacts, pins and previews load only the tenant's own", async () => {
    const { db } = handle;
    expect(await loadContact(db, a.tenant.id, b.contact.id)).toBeNull();
    const pins = await loadPins(db, a.tenant.id, [a.template.id, b.template.id]);
    expect([...pins.keys()]).toEqual([a.template.id]);
    const preview = { stage: "week", channel: "zalo" as const, ctaKind: "explore_new" };
    const previewOf = (templateId: string) =>
      previewMessage(db, {
        ...preview,
        tenantId: a.tenant.id,
        contactId: a.contact.id,
        content: zalo("Hi {{exercises}} {{cta_link}}"),
        templateId,
        now: new Date(),
        baseUrl: "http://rekindle.test",
      });
    expect(await previewOf(b.template.id)).toBeNull();
    expect(JSON.stringify(await previewOf(a.template.id))).toContain(`${a.mark} exercise`);
  });

  it("a send's recommendations never take another tenant's pins, whatever variant is named", async () => {
    const { db } = handle;
    const contact = (await loadContact(db, a.tenant.id, a.contact.id))!;
    const item = {
      contact,
      deliveryId: "d",
      reminderId: "r",
      stage: "week",
      channel: "zalo" as const,
      now: new Date(),
    };
    const variant = {
      templateId: b.template.id,
      revisionId: b.approved.id,
      name: "A",
      ctaKind: "explore_new",
      content: zalo("{{cta_link}}"),
    };
    const extras = await loadExtras(db, [item], [variant]);
    const picks = extras.recommendations(item, variant);
    expect(picks.map((p) => p.rule)).not.toContain("pinned");
    expect(leaks(JSON.stringify(picks), b, null)).toEqual([]);
  });

  it("the preference center and its links neither show nor change another tenant's contact", async () => {
    const { db } = handle;
    const delivery = await sentDelivery(b);
    const before = await rowsOf([b.tenant.id]);
    expect(await preferencesOf(db, a.tenant.id, b.contact.id)).toBeNull();
    const change = { channel: "zalo" as const, state: "unsubscribed" as const, now: new Date() };
    expect(
      await setChannelState(db, {
        ...change,
        tenantId: a.tenant.id,
        contactId: b.contact.id,
        source: "a test",
      }),
    ).toBe(false);
    // A link of A naming B's delivery (never made so, but the tenant is checked all the same).
    const id = "ForeignDelivery0";
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 86_400_000).toISOString();
    await db.insert(links).values({
      id: id.slice(0, 11),
      tenantId: a.tenant.id,
      contactId: a.contact.id,
      deliveryId: delivery,
      createdAt: now,
      entries: [{ tag: id.slice(11), kind: "tracked", target: "https://a.example/", expiresAt }],
    });
    expect(await followLink(db, id, now, null)).toEqual({ ok: false, problem: "gone" });
    expect(await rowsOf([b.tenant.id])).toEqual(before);
  });

  it("the activity API refuses another tenant's contact and exercise external ids, row by row", async () => {
    const before = await rowsOf([b.tenant.id]);
    const event = {
      kind: "exercise_completed",
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
    };
    const response = await runBatch(
      handle.db,
      new Request("http://rekindle.test/api/v1/activity", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${a.key.key}` },
        body: JSON.stringify({
          activity: [
            { ...event, externalId: "e1", contactExternalId: b.contact.externalId },
            {
              ...event,
              externalId: "e2",
              contactExternalId: a.contact.externalId,
              exerciseExternalId: b.exercise.externalId,
            },
          ],
        }),
      }),
      activityBatch(recordInline) as never,
      new Date(),
    );
    const body = (await response.json()) as { stored: number; errors: { field: string }[] };
    expect(body).toMatchObject({
      stored: 0,
      errors: [{ field: "contactExternalId" }, { field: "exerciseExternalId" }],
    });
    expect(await rowsOf([b.tenant.id])).toEqual(before);
  });
});

/** A sent delivery of the workspace's contact with one tracked link, as the engine stores it. */
async function sentDelivery(w: Workspace): Promise<string> {
  const { db } = handle;
  const ids = { tenantId: w.tenant.id, contactId: w.contact.id };
  const at = new Date();
  const [cycle] = await db
    .insert(cycles)
    .values({ ...ids, startedAt: at })
    .returning();
  const [reminder] = await db
    .insert(reminders)
    .values({ ...ids, cycleId: cycle!.id, key: "week", reachedAt: at, plannedAt: at })
    .returning();
  const [delivery] = await db
    .insert(deliveries)
    .values({
      ...ids,
      reminderId: reminder!.id,
      channel: "zalo",
      status: "sent",
      dueAt: at,
      content: {
        message: { ...zalo(`${w.mark} sent`), url: `https://${w.mark}.example/` },
        revisionId: null,
        variant: "fallback",
        ctaKind: "explore_new",
        recommendations: [],
      },
    })
    .returning();
  return delivery!.id;
}
