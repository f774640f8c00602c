import { asc, eq } from "drizzle-orm";
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { presetFor } from "@/db/presets";
import { activityEvents, contacts, cycles, tenantSettings, tenants } from "@/db/schema";
import { eventTitle } from "@/server/contacts/timeline-words";
import { contactTimeline } from "@/server/engine/explain/timeline";
import { recordActivity } from "@/server/engine/steps/record-activity";
import { recordClick } from "@/server/engine/steps/record-click";
import { runUntil } from "@/server/engine/virtual-time";
import { openTestDb } from "@/test/db";
import { deliveriesOf, eventsOf, recordingProvider } from "@/test/engine";
import { createContact, createTenant } from "@/test/factories";
import { divideMoney } from "./money";
import { tenantOutcomes } from "./outcomes";
import { summarize } from "./summary";

/*
 * SPEC §1.8 on the real database: the engine's own steps (planning, sending, recording activity
 * and clicks) run in virtual time at explicit instants; then the tags, events and cycles they
 * wrote, and the metrics read back from them, are compared with counts worked out by hand.
 *
 * Learners in Ho Chi Minh City (UTC+7), self-study preset (quiet hours 22:00–07:00, sends resume
 * 08:00 local = 01:00Z), 30-day attribution window. Last activity Jan 1 03:00Z (10:00 local):
 * streak_lost is reached Jan 3 00:00 local (Jan 2 17:00Z) and goes out at 08:00 local, Jan 3
 * 01:00Z; week is reached Jan 8 00:00 local and goes out Jan 8 01:00Z. A stage of a cycle that
 * starts at 10:00 or 12:00 local on day D is sent at 01:00Z on day D + 2 (streak_lost) and D + 7
 * (week).
 *
 * Workspace "attribution" (stages streak_lost and week only, so nothing else goes out before
 * the late returns):
 * - recent: streak_lost Jan 3, week Jan 8; returns at Feb 7 01:00:00.000Z (recorded at 02:00),
 *   exactly 30 × 24 h after week, 35 days after streak_lost: a reactivation measured from week.
 *   Revenue (from the return through Mar 9 01:00:00.000Z): 32500 USD at the return, 50000 VND on
 *   Feb 20, 2000 USD at Mar 9 01:00:00.000Z; not 1000 USD on Feb 6 (before) nor 4000 USD at Mar 9
 *   01:00:00.001Z (after). → 34500 USD + 50000 VND.
 * - late: the same, returns 1 ms later (Feb 7 01:00:00.001Z): past week's window (and
 *   streak_lost's): a return, not a reactivation; its 7000 USD counts nowhere.
 * - between: streak_lost Jan 3, week Jan 8, returns Jan 20 03:00Z, inside both windows: week's
 *   reactivation. Cycle 2 from Jan 20: streak_lost Jan 22, week Jan 27, no return.
 * - again: streak_lost Jan 3, returns Jan 4 03:00Z with 9900 USD: streak_lost's reactivation.
 *   Cycle 2 from Jan 4: streak_lost reached Jan 5 17:00Z, waiting for 08:00 local, when the
 *   learner returns again at Jan 5 18:00Z with 100 USD: inside the Jan 3 reminder's window, but
 *   that reminder is cycle 1's; cycle 2 sent none: a return, not a reactivation. Cycle 1's revenue
 *   (Jan 4 03:00Z through Feb 3 03:00Z) is 9900 + 100 = 10000 USD. Cycle 3 from Jan 5 18:00Z (Jan 6
 *   local): streak_lost Jan 8, week Jan 13, no return.
 * - clicker: streak_lost Jan 3; opens the web push link at 02:00Z, the Zalo link at 03:00Z,
 *   returns at 05:00Z, opens the web push link again at 06:00Z: a reactivation credited to Zalo
 *   only. Cycle 2 from Jan 3 05:00Z: streak_lost Jan 5, week Jan 10.
 * - early: returns Jan 2 18:00Z, while streak_lost waits for 08:00: a return, not reached. Cycle 2
 *   from Jan 2 18:00Z (Jan 3 01:00 local): streak_lost Jan 5, week Jan 10.
 * Reached cycles: recent, late, between ×2, again 1 and 3, clicker ×2, early 2 = 9; all under
 * streak_lost (9) and on both channels (9 each); week: recent, late, between ×2, again 3,
 * clicker 2, early 2 = 7. Returns: recent, late, between, again ×2, clicker, early = 7.
 * Reactivations: recent (week), between (week), again (streak_lost), clicker (streak_lost) = 4;
 * web push 3 (not clicker), Zalo 4. Revenue 44500 USD + 50000 VND: per reactivation 11125 USD,
 * 12500 VND.
 *
 * Workspace "holdout" (default stages, holdout 10 %, salt "rekindle-13"): held out when the first
 * 8 hex digits are below 0.1 × 2^32 = 429496729.6, i.e. at most 19999999. With coreutils:
 *   $ printf '%s' 'rekindle-13:held-1:2026-01-01T03:00:00.000Z' | sha256sum
 *   0b2b6812752cc5726aff73b272ae180d577ec6688c86f886b54cc242308d1d36  -      (held out)
 *   $ printf '%s' 'rekindle-13:held-1:2026-01-10T03:00:00.000Z' | sha256sum
 *   53283b15fb40398d181f158dc5efa6082933cd5cec7a5dbc520a67b7ea24f8f4  -      (not)
 *   $ printf '%s' 'rekindle-13:sent-1:2026-01-01T03:00:00.000Z' | sha256sum
 *   d7ce37702220b67d12cbdf8710574750178d03c085d2a8b987e255bf3780ade4  -      (not)
 *   $ printf '%s' 'rekindle-13:sent-1:2026-01-10T03:00:00.000Z' | sha256sum
 *   a026eab5e36d4d47bc659fd0eedc06a48d19c0e69656b6d0c8c7fb432143b827  -      (not)
 *   $ printf '%s' 'rekindle-13:learner-2:2026-01-01T03:00:00.000Z' | sha256sum
 *   0c394dfbfbaea6651cd35a3dcb4c59aeed34c93110ed1a26ea7b457efd9797eb  -      (held out)
 *   $ printf '%s' 'rekindle-13:learner-2:2026-02-05T03:00:00.000Z' | sha256sum
 *   6e0d9a344a732bee78559ea479c5a3865a8d68a9e200bb7ef2fa9418e2293043  -      (not)
 *   $ printf '%s' 'rekindle-13:learner-26:2026-02-06T03:00:00.000Z' | sha256sum
 *   04a21b1d19412b11403a32f8590408592e8acc83ca64a86c328cd1073fbf42de  -      (held out)
 * - held-1: cycle 1 held out: streak_lost held out at Jan 3 01:00Z (its would-be send), week at
 *   Jan 8 01:00Z; returns Jan 10 03:00Z with 8000 USD, 7 days after the would-be send: a held-out
 *   return. Cycle 2 (not held out): streak_lost Jan 12, week Jan 17, sent.
 * - sent-1: streak_lost Jan 3, week Jan 8 sent; returns Jan 10 03:00Z with 12000 VND: week's
 *   reactivation on both channels. Cycle 2: streak_lost Jan 12, week Jan 17.
 * - learner-2: cycle 1 held out: streak_lost Jan 3, week Jan 8, month Jan 31 held out; returns
 *   Feb 5 03:00Z with 5000 USD: 33 days after its would-be send (the first, Jan 3), so not a
 *   held-out return though within 30 days of month's. Cycle 2: streak_lost Feb 7 01:00Z, sent.
 * - learner-26: last activity Feb 6 03:00Z, held out; streak_lost would go out Feb 8 01:00Z,
 *   after the run ends (Feb 8 00:00Z): no would-be send, so not counted as held out.
 * Reached: held-1 2, sent-1 1 and 2, learner-2 2 = 4; streak_lost 4, week 3 (not learner-2's);
 * reactivations 1 (sent-1, week, both channels, 12000 VND); returns 1 (held-out ones apart).
 * Held out with a would-be send: held-1 1, learner-2 1 = 2; returned: held-1 = 1, 8000 USD.
 */

const hcm = "Asia/Ho_Chi_Minh";
const both = { web_push: "subscribed", zalo: "subscribed" } as const;
const at = (iso: string) => new Date(iso);

let handle: DbHandle;
let db: Db;
let engine: ReturnType<typeof recordingProvider>;
let now = at("2026-01-01T03:00:00.000Z");

/** Runs the engine from where it stopped until just before `iso`, and stops there. */
async function runTo(iso: string) {
  await runUntil(db, engine.provider, now, at(iso));
  now = at(iso);
}

type Contact = { id: string; tenantId: string; externalId: string };

async function learner(tenantId: string, externalId: string, last = "2026-01-01T03:00:00.000Z") {
  return createContact(db, tenantId, {
    externalId,
    name: "Nguyễn Thị Lan",
    timeZone: hcm,
    channels: both,
    lastActivityAt: at(last),
    nextCheckAt: at(last),
  });
}

let storedEvents = 0;
/** An activity or purchase as the activity API stores it, with its revenue. */
async function store(
  c: Contact,
  iso: string,
  revenue: [number, string] | null,
  kind: "exercise_completed" | "purchase" = "exercise_completed",
) {
  await db.insert(activityEvents).values({
    tenantId: c.tenantId,
    contactId: c.id,
    externalId: `event-${++storedEvents}`,
    kind,
    occurredAt: at(iso),
    revenueMinor: revenue?.[0] ?? 0,
    currency: revenue?.[1] ?? null,
  });
}

/** The contact is active at `activityIso`: stored, then recorded at `recordedIso` (default: then). */
async function returns(
  c: Contact,
  activityIso: string,
  revenue: [number, string] | null = null,
  recordedIso = activityIso,
) {
  await store(c, activityIso, revenue);
  await recordActivity(db, {
    contactId: c.id,
    activityAt: at(activityIso),
    at: at(recordedIso),
  });
}

/** Opens the link of the contact's sent `stage` message on `channel`. */
async function opens(c: Contact, stage: string, channel: string, iso: string) {
  const delivery = (await deliveriesOf(db, c.id)).find(
    (d) => d.stage === stage && d.channel === channel && d.status === "sent",
  );
  expect(await recordClick(db, delivery!.id, at(iso))).toBe(true);
}

async function tagsOf(c: Contact) {
  const [row] = await db
    .select({ tags: contacts.tags })
    .from(contacts)
    .where(eq(contacts.id, c.id));
  return row!.tags;
}

async function cyclesOf(c: Contact) {
  const rows = await db
    .select()
    .from(cycles)
    .where(eq(cycles.contactId, c.id))
    .orderBy(asc(cycles.startedAt));
  return rows.map((r) => ({
    startedAt: r.startedAt.toISOString(),
    heldOut: r.heldOut,
    returnedAt: r.returnedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
  }));
}

/** "stage/channel: status first-attempt finished", in due order. */
async function sendsOf(c: Contact) {
  return (await deliveriesOf(db, c.id)).map(
    (d) =>
      `${d.stage}/${d.channel}: ${d.status} ${d.firstAttemptAt?.toISOString() ?? "-"} ${
        d.finishedAt?.toISOString() ?? "-"
      }`,
  );
}

async function reactivatedEvents(c: Contact) {
  return (await eventsOf(db, c.id)).filter((e) => e.type === "reactivated");
}

let attribution: { id: string };
let holdout: { id: string };
const l: Record<string, Contact> = {};
/** What the held-out learner and its sent twin had before they returned (Jan 10). */
const beforeReturn: { heldTags?: string[]; sentTags?: string[]; heldCalls?: number } = {};

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  engine = recordingProvider(db);

  const preset = presetFor("self_study");
  attribution = await createTenant(db, "self_study", hcm);
  await db
    .update(tenantSettings)
    .set({
      settings: {
        ...preset,
        cadence: { stages: preset.cadence.stages.slice(0, 2), recurringEveryDays: 90 },
      },
    })
    .where(eq(tenantSettings.tenantId, attribution.id));
  holdout = await createTenant(db, "self_study", hcm);
  await db
    .update(tenantSettings)
    .set({ settings: { ...preset, holdoutPercent: 10 } })
    .where(eq(tenantSettings.tenantId, holdout.id));
  await db.update(tenants).set({ holdoutSalt: "rekindle-13" }).where(eq(tenants.id, holdout.id));

  for (const name of ["recent", "late", "between", "again", "clicker", "early"])
    l[name] = await learner(attribution.id, name);
  for (const name of ["held-1", "sent-1", "learner-2"]) l[name] = await learner(holdout.id, name);
  l["learner-26"] = await learner(holdout.id, "learner-26", "2026-02-06T03:00:00.000Z");
  const { recent, late, between, again, clicker, early } = l;

  await runTo("2026-01-02T18:00:00.000Z");
  await returns(early!, "2026-01-02T18:00:00.000Z");
  await runTo("2026-01-03T02:00:00.000Z");
  await opens(clicker!, "streak_lost", "web_push", "2026-01-03T02:00:00.000Z");
  await runTo("2026-01-03T03:00:00.000Z");
  await opens(clicker!, "streak_lost", "zalo", "2026-01-03T03:00:00.000Z");
  await runTo("2026-01-03T05:00:00.000Z");
  await returns(clicker!, "2026-01-03T05:00:00.000Z");
  await runTo("2026-01-03T06:00:00.000Z");
  await opens(clicker!, "streak_lost", "web_push", "2026-01-03T06:00:00.000Z");
  await runTo("2026-01-04T03:00:00.000Z");
  await returns(again!, "2026-01-04T03:00:00.000Z", [9900, "USD"]);
  await runTo("2026-01-05T18:00:00.000Z");
  await returns(again!, "2026-01-05T18:00:00.000Z", [100, "USD"]);
  await runTo("2026-01-10T03:00:00.000Z");
  beforeReturn.heldTags = await tagsOf(l["held-1"]!);
  beforeReturn.sentTags = await tagsOf(l["sent-1"]!);
  beforeReturn.heldCalls = engine.callsOf(l["held-1"]!.id).length;
  await returns(l["held-1"]!, "2026-01-10T03:00:00.000Z", [8000, "USD"]);
  await returns(l["sent-1"]!, "2026-01-10T03:00:00.000Z", [12000, "VND"]);
  await runTo("2026-01-20T03:00:00.000Z");
  await returns(between!, "2026-01-20T03:00:00.000Z");
  await runTo("2026-02-05T03:00:00.000Z");
  await returns(l["learner-2"]!, "2026-02-05T03:00:00.000Z", [5000, "USD"]);
  await store(recent!, "2026-02-06T01:00:00.000Z", [1000, "USD"], "purchase");
  await runTo("2026-02-07T01:00:00.001Z");
  await returns(late!, "2026-02-07T01:00:00.001Z", [7000, "USD"]);
  await runTo("2026-02-07T02:00:00.000Z");
  await returns(recent!, "2026-02-07T01:00:00.000Z", [32500, "USD"], "2026-02-07T02:00:00.000Z");
  await runTo("2026-02-08T00:00:00.000Z");
  // Purchases after the run, as the activity API would store them later.
  await store(recent!, "2026-02-20T00:00:00.000Z", [50000, "VND"], "purchase");
  await store(recent!, "2026-03-09T01:00:00.000Z", [2000, "USD"], "purchase");
  await store(recent!, "2026-03-09T01:00:00.001Z", [4000, "USD"], "purchase");
});
afterAll(() => handle.close());

describe("what the engine sent, as worked out by hand", () => {
  it("recent and late: streak_lost Jan 3 and week Jan 8, on both channels", async () => {
    const expected = [
      "streak_lost/web_push: sent 2026-01-03T01:00:00.000Z 2026-01-03T01:00:00.000Z",
      "streak_lost/zalo: sent 2026-01-03T01:00:00.000Z 2026-01-03T01:00:00.000Z",
      "week/web_push: sent 2026-01-08T01:00:00.000Z 2026-01-08T01:00:00.000Z",
      "week/zalo: sent 2026-01-08T01:00:00.000Z 2026-01-08T01:00:00.000Z",
    ];
    expect(await sendsOf(l.recent!)).toEqual(expected);
    expect(await sendsOf(l.late!)).toEqual(expected);
  });

  it("again: cycle 2's streak_lost canceled by the second return; cycle 3 sent Jan 8 and 13", async () => {
    expect(await sendsOf(l.again!)).toEqual([
      "streak_lost/web_push: sent 2026-01-03T01:00:00.000Z 2026-01-03T01:00:00.000Z",
      "streak_lost/zalo: sent 2026-01-03T01:00:00.000Z 2026-01-03T01:00:00.000Z",
      "streak_lost/web_push: canceled - 2026-01-05T18:00:00.000Z",
      "streak_lost/zalo: canceled - 2026-01-05T18:00:00.000Z",
      "streak_lost/web_push: sent 2026-01-08T01:00:00.000Z 2026-01-08T01:00:00.000Z",
      "streak_lost/zalo: sent 2026-01-08T01:00:00.000Z 2026-01-08T01:00:00.000Z",
      "week/web_push: sent 2026-01-13T01:00:00.000Z 2026-01-13T01:00:00.000Z",
      "week/zalo: sent 2026-01-13T01:00:00.000Z 2026-01-13T01:00:00.000Z",
    ]);
  });

  it("held-1: cycle 1 held out at its would-be sends, no attempt; cycle 2 sent", async () => {
    expect(await sendsOf(l["held-1"]!)).toEqual([
      "streak_lost/web_push: held_out 2026-01-03T01:00:00.000Z 2026-01-03T01:00:00.000Z",
      "streak_lost/zalo: held_out 2026-01-03T01:00:00.000Z 2026-01-03T01:00:00.000Z",
      "week/web_push: held_out 2026-01-08T01:00:00.000Z 2026-01-08T01:00:00.000Z",
      "week/zalo: held_out 2026-01-08T01:00:00.000Z 2026-01-08T01:00:00.000Z",
      "streak_lost/web_push: sent 2026-01-12T01:00:00.000Z 2026-01-12T01:00:00.000Z",
      "streak_lost/zalo: sent 2026-01-12T01:00:00.000Z 2026-01-12T01:00:00.000Z",
      "week/web_push: sent 2026-01-17T01:00:00.000Z 2026-01-17T01:00:00.000Z",
      "week/zalo: sent 2026-01-17T01:00:00.000Z 2026-01-17T01:00:00.000Z",
    ]);
  });

  it("learner-2: held out through month (Jan 31); learner-26: nothing would have gone out yet", async () => {
    expect(await sendsOf(l["learner-2"]!)).toEqual([
      "streak_lost/web_push: held_out 2026-01-03T01:00:00.000Z 2026-01-03T01:00:00.000Z",
      "streak_lost/zalo: held_out 2026-01-03T01:00:00.000Z 2026-01-03T01:00:00.000Z",
      "week/web_push: held_out 2026-01-08T01:00:00.000Z 2026-01-08T01:00:00.000Z",
      "week/zalo: held_out 2026-01-08T01:00:00.000Z 2026-01-08T01:00:00.000Z",
      "month/web_push: held_out 2026-01-31T01:00:00.000Z 2026-01-31T01:00:00.000Z",
      "month/zalo: held_out 2026-01-31T01:00:00.000Z 2026-01-31T01:00:00.000Z",
      "streak_lost/web_push: sent 2026-02-07T01:00:00.000Z 2026-02-07T01:00:00.000Z",
      "streak_lost/zalo: sent 2026-02-07T01:00:00.000Z 2026-02-07T01:00:00.000Z",
    ]);
    expect(await sendsOf(l["learner-26"]!)).toEqual([
      "streak_lost/web_push: pending - -",
      "streak_lost/zalo: pending - -",
    ]);
  });
});

describe("the reactivated tag and event (SPEC §1.5, §1.8)", () => {
  it("a return exactly 30 × 24 h after the most recent reminder (35 days after the earlier one) is a reactivation, attributed to week", async () => {
    expect(await tagsOf(l.recent!)).toEqual([
      "reactivation:streak_lost",
      "reactivation:week",
      "reactivated",
    ]);
    const week = (await deliveriesOf(db, l.recent!.id)).filter((d) => d.stage === "week");
    const [event, ...more] = await reactivatedEvents(l.recent!);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      at: at("2026-02-07T02:00:00.000Z"),
      deliveryId: expect.toBeOneOf(week.map((d) => d.id)),
      reason: "Returned within the 30-day attribution window of a reminder.",
    });
  });

  it("a return inside both reminders' windows is attributed to the most recent one (week)", async () => {
    const week = (await deliveriesOf(db, l.between!.id)).filter(
      (d) => d.stage === "week" && d.firstAttemptAt?.toISOString() === "2026-01-08T01:00:00.000Z",
    );
    const events = await reactivatedEvents(l.between!);
    expect(events.map((e) => e.deliveryId)).toEqual([expect.toBeOneOf(week.map((d) => d.id))]);
  });

  it("1 ms past the most recent reminder's window: no tag, no event", async () => {
    expect(await tagsOf(l.late!)).toEqual(["reactivation:streak_lost", "reactivation:week"]);
    expect(await reactivatedEvents(l.late!)).toEqual([]);
  });

  it("a return inside an earlier cycle's reminder's window, with none sent in its own cycle, is not a reactivation", async () => {
    const firstSends = (await deliveriesOf(db, l.again!.id)).filter(
      (d) => d.firstAttemptAt?.toISOString() === "2026-01-03T01:00:00.000Z",
    );
    const events = await reactivatedEvents(l.again!);
    // One event: the first return's. The second (Jan 5 18:00Z) logs none.
    expect(events.map((e) => [e.at.toISOString(), e.deliveryId])).toEqual([
      ["2026-01-04T03:00:00.000Z", expect.toBeOneOf(firstSends.map((d) => d.id))],
    ]);
  });

  it("a return before any reminder was sent is not a reactivation; one after opened links is", async () => {
    expect(await reactivatedEvents(l.early!)).toEqual([]);
    expect(await tagsOf(l.early!)).not.toContain("reactivated");
    expect((await reactivatedEvents(l.clicker!)).map((e) => e.at.toISOString())).toEqual([
      "2026-01-03T05:00:00.000Z",
    ]);
  });
});

describe("returned_at: the instant of the activity that closed the cycle", () => {
  it("recorded an hour later, the return is still the activity's instant", async () => {
    expect(await cyclesOf(l.recent!)).toEqual([
      {
        startedAt: "2026-01-01T03:00:00.000Z",
        heldOut: false,
        returnedAt: "2026-02-07T01:00:00.000Z",
        closedAt: "2026-02-07T02:00:00.000Z",
      },
    ]);
    expect((await cyclesOf(l.late!))[0]?.returnedAt).toBe("2026-02-07T01:00:00.001Z");
  });

  it("each cycle closes at its own return; the open one has none; a click is no return", async () => {
    expect(await cyclesOf(l.again!)).toEqual([
      {
        startedAt: "2026-01-01T03:00:00.000Z",
        heldOut: false,
        returnedAt: "2026-01-04T03:00:00.000Z",
        closedAt: "2026-01-04T03:00:00.000Z",
      },
      {
        startedAt: "2026-01-04T03:00:00.000Z",
        heldOut: false,
        returnedAt: "2026-01-05T18:00:00.000Z",
        closedAt: "2026-01-05T18:00:00.000Z",
      },
      {
        startedAt: "2026-01-05T18:00:00.000Z",
        heldOut: false,
        returnedAt: null,
        closedAt: null,
      },
    ]);
    // The clicker opened links at 02:00 and 03:00: its cycle closed at the 05:00 activity.
    expect((await cyclesOf(l.clicker!)).map((c) => c.returnedAt)).toEqual([
      "2026-01-03T05:00:00.000Z",
      null,
    ]);
  });
});

describe("the holdout group", () => {
  it("cycles are held out at their start by the salted hash", async () => {
    const heldOut = async (name: string) => (await cyclesOf(l[name]!)).map((c) => c.heldOut);
    expect(await heldOut("held-1")).toEqual([true, false]);
    expect(await heldOut("sent-1")).toEqual([false, false]);
    expect(await heldOut("learner-2")).toEqual([true, false]);
    expect(await heldOut("learner-26")).toEqual([true]);
    expect((await cyclesOf(l["held-1"]!))[0]?.returnedAt).toBe("2026-01-10T03:00:00.000Z");
  });

  it("no provider call and no reactivation tag for a held-out cycle; its twin was sent and tagged", async () => {
    expect(beforeReturn).toEqual({
      heldTags: [],
      sentTags: ["reactivation:streak_lost", "reactivation:week"],
      heldCalls: 0,
    });
    // Every call for held-1 is cycle 2's (Jan 12 and 17), none a held-out delivery's.
    const heldOut = new Set(
      (await deliveriesOf(db, l["held-1"]!.id))
        .filter((d) => d.status === "held_out")
        .map((d) => d.id),
    );
    const calls = engine.callsOf(l["held-1"]!.id);
    expect(calls).toHaveLength(4);
    expect(calls.filter((c) => heldOut.has(c.deliveryId))).toEqual([]);
    expect(engine.callsOf(l["learner-26"]!.id)).toEqual([]);
    // A held-out return is not a reactivation.
    expect(await tagsOf(l["held-1"]!)).not.toContain("reactivated");
    expect(await reactivatedEvents(l["held-1"]!)).toEqual([]);
    expect(await tagsOf(l["sent-1"]!)).toContain("reactivated");
  });

  it("the timeline says why: Held out (holdout group)", async () => {
    const timeline = await contactTimeline(db, holdout.id, l["held-1"]!.id);
    const events = timeline!.events.filter((e) => e.at < at("2026-01-10T03:00:00.000Z"));
    expect(events[0]).toMatchObject({ type: "cycle_started" });
    expect(events[0]?.reason).toContain(
      "Held out (holdout group): its reminders are planned but not sent.",
    );
    const heldOut = events.filter((e) => e.type === "held_out");
    // Two events at one instant may be logged in either order: sorted by channel.
    const rows = heldOut.map((e) => [e.at.toISOString(), eventTitle(e.type), e.reason]).sort();
    expect(rows).toEqual([
      ...["2026-01-03T01:00:00.000Z", "2026-01-08T01:00:00.000Z"].flatMap((t) =>
        ["web_push", "zalo"].map((channel) => [
          t,
          "Held out (holdout group)",
          `Held out (holdout group): not sent on ${channel}, so the dashboard can measure what the reminders add.`,
        ]),
      ),
    ]);
    expect(events.map((e) => e.type)).not.toContain("attempt_started");
    expect(events.map((e) => e.type)).not.toContain("sent");
  });
});

describe("tenantOutcomes and summarize over the database", () => {
  it("the attribution workspace: the counts worked out by hand", async () => {
    const s = summarize(await tenantOutcomes(db, attribution.id, 30));
    const revenue = { USD: 44500, VND: 50000 };
    expect(s).toEqual({
      total: { reached: 9, reactivations: 4, revenue },
      returns: 7,
      byStage: {
        streak_lost: { reached: 9, reactivations: 2, revenue: { USD: 10000 } },
        week: { reached: 7, reactivations: 2, revenue: { USD: 34500, VND: 50000 } },
      },
      byChannel: {
        web_push: { reached: 9, reactivations: 3, revenue },
        zalo: { reached: 9, reactivations: 4, revenue },
      },
      holdout: { heldOut: 0, returned: 0, revenue: {} },
    });
    expect(divideMoney(s.total.revenue, s.total.reactivations)).toEqual({
      USD: 11125,
      VND: 12500,
    });
  });

  it("each learner's cycles count as worked out", async () => {
    const outcomes = await tenantOutcomes(db, attribution.id, 30);
    const name = new Map(Object.entries(l).map(([n, c]) => [c.id, n]));
    const rows = outcomes
      .map((o) => ({
        who: name.get(o.cycle.contactId)!,
        start: o.cycle.startedAt.toISOString(),
        reached: o.reached,
        reactivated: o.reactivated,
        stage: o.reactivated ? o.attributed!.reminder.stage : null,
        credited: o.credited.map((c) => c.channel).sort(),
        revenue: o.revenue,
      }))
      .sort((a, b) => (a.who + a.start).localeCompare(b.who + b.start));
    const row = (
      who: string,
      start: string,
      reached: boolean,
      stage: string | null = null,
      credited: string[] = [],
      revenue = {},
    ) => ({ who, start, reached, reactivated: stage !== null, stage, credited, revenue });
    const pz = ["web_push", "zalo"];
    expect(rows).toEqual([
      row("again", "2026-01-01T03:00:00.000Z", true, "streak_lost", pz, { USD: 10000 }),
      row("again", "2026-01-04T03:00:00.000Z", false),
      row("again", "2026-01-05T18:00:00.000Z", true),
      row("between", "2026-01-01T03:00:00.000Z", true, "week", pz),
      row("between", "2026-01-20T03:00:00.000Z", true),
      row("clicker", "2026-01-01T03:00:00.000Z", true, "streak_lost", ["zalo"]),
      row("clicker", "2026-01-03T05:00:00.000Z", true),
      row("early", "2026-01-01T03:00:00.000Z", false),
      row("early", "2026-01-02T18:00:00.000Z", true),
      row("late", "2026-01-01T03:00:00.000Z", true),
      row("recent", "2026-01-01T03:00:00.000Z", true, "week", pz, { USD: 34500, VND: 50000 }),
    ]);
  });

  it("the holdout workspace: held-out cycles apart, counted only with a would-be send", async () => {
    const outcomes = await tenantOutcomes(db, holdout.id, 30);
    const s = summarize(outcomes);
    expect(s).toEqual({
      total: { reached: 4, reactivations: 1, revenue: { VND: 12000 } },
      returns: 1,
      byStage: {
        streak_lost: { reached: 4, reactivations: 0, revenue: {} },
        week: { reached: 3, reactivations: 1, revenue: { VND: 12000 } },
      },
      byChannel: {
        web_push: { reached: 4, reactivations: 1, revenue: { VND: 12000 } },
        zalo: { reached: 4, reactivations: 1, revenue: { VND: 12000 } },
      },
      holdout: { heldOut: 2, returned: 1, revenue: { USD: 8000 } },
    });
    // The would-be send is the first held-out delivery's instant, even for learner-2 whose
    // month went out (held) on Jan 31.
    const wouldBe = outcomes
      .filter((o) => o.cycle.heldOut)
      .map((o) => o.cycle.wouldBeAt?.toISOString() ?? null)
      .sort();
    expect(wouldBe).toEqual(["2026-01-03T01:00:00.000Z", "2026-01-03T01:00:00.000Z", null]);
  });
});
