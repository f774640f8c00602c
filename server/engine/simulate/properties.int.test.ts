import { asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { attempts, contacts, cycles, deliveries, engineEvents, reminders } from "@/db/schema";
import { selfStudyPreset } from "@/server/settings/presets";
import { onPostgresServer } from "@/test/db";
import { pgliteTemplate } from "@/test/pglite-template";
import { DO_NOT_CONTACT } from "../audience";
import { isQuiet, outOfQuietHours } from "../quiet-hours";
import { localDate } from "../time";
import { runUntil } from "../virtual-time";
import { applyEvents } from "./apply-event";
import type { runContactClocks } from "./contact-clocks";
import { runScenario } from "./run";
import { scenarioSchema, type Scenario } from "./scenario";

// Bounded and seeded for CI, so a red build is reproducible; `npm run test:properties` runs the
// long mode (hundreds of contacts, two years) with a fresh random seed each time.
const runs = Number(process.env.PROPERTY_RUNS ?? 3);
const seedEnv = process.env.PROPERTY_SEED ?? "20261123";
const seed = seedEnv === "random" ? undefined : Number(seedEnv);
const contactCount = Number(process.env.PROPERTY_CONTACTS ?? 12);
const days = Number(process.env.PROPERTY_DAYS ?? 365);

const zones = [
  "Asia/Ho_Chi_Minh",
  "America/New_York",
  "Europe/London",
  "Australia/Sydney",
  "America/Santiago",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Asia/Kathmandu",
];
const start = Date.parse("2026-01-01T00:00:00Z");
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const channelState = fc.constantFrom(
  "subscribed",
  "subscribed",
  "subscribed",
  "unsubscribed",
  undefined,
);
const contactArb = fc.record({
  zone: fc.constantFrom(...zones),
  inactiveMinutes: fc.integer({ min: 0, max: 400 * 24 * 60 }),
  push: channelState,
  zalo: channelState,
  dnc: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});
const eventArb = (n: number) =>
  fc.record({
    contact: fc.integer({ min: 0, max: n - 1 }),
    minute: fc.integer({ min: 0, max: days * 24 * 60 - 1 }),
    type: fc.constantFrom("activity", "click", "unsubscribe", "subscribe", "tag", "untag"),
    channel: fc.constantFrom("web_push", "zalo"),
  });
const failureArb = (n: number) =>
  fc.record({
    contact: fc.integer({ min: 0, max: n - 1 }),
    channel: fc.constantFrom("web_push", "zalo"),
    failAttempts: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
    kind: fc.constantFrom("transient", "transient", "permanent"),
  });

const scenarioArb = fc
  .tuple(
    fc.array(contactArb, { minLength: contactCount, maxLength: contactCount }),
    fc.array(eventArb(contactCount), { maxLength: contactCount * 3 }),
    fc.array(failureArb(contactCount), { maxLength: contactCount }),
  )
  .map(([cs, events, failures]): Scenario =>
    scenarioSchema.parse({
      preset: "self_study",
      start: iso(start),
      end: iso(start + days * DAY),
      contacts: cs.map((c, i) => ({
        id: `c${i}`,
        timezone: c.zone,
        lastActivityAt: iso(start - c.inactiveMinutes * 60_000),
        channels: Object.fromEntries(
          Object.entries({ web_push: c.push, zalo: c.zalo }).filter(([, v]) => v),
        ),
        tags: c.dnc ? [DO_NOT_CONTACT] : [],
      })),
      events: events.map((e) => {
        const base = { at: iso(start + e.minute * 60_000), contact: `c${e.contact}` };
        if (e.type === "activity") return { ...base, type: e.type };
        if (e.type === "tag" || e.type === "untag")
          return { ...base, type: e.type, tag: DO_NOT_CONTACT };
        return { ...base, type: e.type, channel: e.channel };
      }),
      failures: failures.map((f) => ({ ...f, contact: `c${f.contact}` })),
    }),
  );

/** The contact's channel states and do-not-contact tag at `at`, from the scenario's events. */
function stateAt(scenario: Scenario, contact: string, at: number) {
  const c = scenario.contacts.find((x) => x.id === contact)!;
  const channels: Record<string, string | undefined> = { ...c.channels };
  let dnc = c.tags.includes(DO_NOT_CONTACT);
  for (const e of scenario.events) {
    if (e.contact !== contact || Date.parse(e.at) > at) continue;
    if (e.type === "subscribe" || e.type === "unsubscribe")
      channels[e.channel] = e.type === "subscribe" ? "subscribed" : "unsubscribed";
    if (e.type === "tag" || e.type === "untag") dnc = e.type === "tag";
  }
  return { channels, dnc };
}

async function checkInvariants(db: Db, scenario: Scenario) {
  const { quietHours, retryOffsetsMinutes } = selfStudyPreset;
  const rows = await db
    .select({
      attempt: attempts,
      delivery: deliveries,
      reminder: reminders,
      cycle: cycles,
      contact: contacts.externalId,
      zone: contacts.timeZone,
    })
    .from(attempts)
    .innerJoin(deliveries, eq(deliveries.id, attempts.deliveryId))
    .innerJoin(reminders, eq(reminders.id, deliveries.reminderId))
    .innerJoin(cycles, eq(cycles.id, reminders.cycleId))
    .innerJoin(contacts, eq(contacts.id, deliveries.contactId))
    .orderBy(asc(attempts.deliveryId), asc(attempts.number));
  expect(rows.length, "a scenario in which nothing was attempted proves nothing").toBeGreaterThan(
    0,
  );
  const clicks = await db.select().from(engineEvents).where(eq(engineEvents.type, "clicked"));
  const firstPerDay = new Map<string, number>();
  const sentPerDelivery = new Map<string, number>();
  const byDelivery = new Map<string, typeof rows>();

  for (const row of rows) {
    const { attempt, delivery, reminder, cycle, contact } = row;
    const zone = row.zone!;
    const at = attempt.startedAt;
    const where = `${contact} ${reminder.key}/${delivery.channel} attempt ${attempt.number} at ${at.toISOString()}`;
    // No attempt inside quiet hours.
    expect(isQuiet(at, quietHours, zone), `quiet: ${where}`).toBe(false);
    // No send to an opted-out channel or a do-not-contact contact.
    const state = stateAt(scenario, contact, at.getTime());
    expect(state.dnc, `do-not-contact: ${where}`).toBe(false);
    expect(state.channels[delivery.channel], `opted out: ${where}`).toBe("subscribed");
    // Nothing after the reset (activity) that closed the cycle.
    if (cycle.closedAt) expect(at <= cycle.closedAt, `after reset: ${where}`).toBe(true);
    // Nothing after a click on the reminder.
    for (const click of clicks.filter((c) => c.reminderId === reminder.id)) {
      expect(at <= click.at, `after click: ${where}`).toBe(true);
    }
    // At most one reminder per channel per local day (first attempts; retries do not count).
    if (attempt.number === 1) {
      const key = `${contact}/${delivery.channel}/${localDate(at, zone)}`;
      firstPerDay.set(key, (firstPerDay.get(key) ?? 0) + 1);
      expect(firstPerDay.get(key), `cap: ${where}`).toBe(1);
    }
    if (attempt.outcome === "sent")
      sentPerDelivery.set(delivery.id, (sentPerDelivery.get(delivery.id) ?? 0) + 1);
    byDelivery.set(delivery.id, [...(byDelivery.get(delivery.id) ?? []), row]);
  }
  // Never two successful sends of one delivery.
  for (const [id, n] of sentPerDelivery) expect(n, `sent twice: ${id}`).toBe(1);
  // Retries only at the policy's offsets (or the next resume time), never more than the limit.
  for (const list of byDelivery.values()) {
    expect(list.length).toBeLessThanOrEqual(1 + retryOffsetsMinutes.length);
    list.forEach((row, i) => {
      expect(row.attempt.number).toBe(i + 1);
      const next = list[i + 1];
      if (!next) return;
      expect(row.attempt.outcome).toBe("failed_transient");
      const due = outOfQuietHours(
        new Date(row.attempt.startedAt.getTime() + retryOffsetsMinutes[i]! * 60_000),
        quietHours,
        row.zone!,
      );
      expect(next.attempt.startedAt.toISOString()).toBe(due.toISOString());
    });
  }
  // Each one-time stage at most once per cycle.
  const stages = await db
    .select({ cycleId: reminders.cycleId, key: reminders.key, sequence: reminders.sequence })
    .from(reminders);
  const seen = new Set<string>();
  for (const r of stages) {
    const key = `${r.cycleId}/${r.key}/${r.sequence}`;
    expect(seen.has(key), `stage twice in a cycle: ${key}`).toBe(false);
    seen.add(key);
    if (r.key !== "recurring") expect(r.sequence).toBe(0);
  }
}

let template: Awaited<ReturnType<typeof pgliteTemplate>>;
beforeAll(async () => {
  if (!onPostgresServer) template = await pgliteTemplate();
});
afterAll(() => template?.close());

describe.skipIf(onPostgresServer)("engine invariants over random scenarios (fast-check)", () => {
  it(`hold for ${runs} random scenarios of ${contactCount} contacts over ${days} days`, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        await runScenario(scenario, {
          open: template.clone,
          inspect: (db) => checkInvariants(db, scenario),
        });
      }),
      {
        numRuns: runs,
        seed,
        endOnFailure: true,
      },
    );
  }, 600_000);

  // The simulator gives each contact its own clock because no rule couples two contacts; this is
  // the check that it replays exactly what one clock shared by the whole world produces.
  it(`per-contact clocks replay one shared clock exactly (${runs} random scenarios)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const perContact = await runScenario(scenario, { open: template.clone });
        const shared = await runScenario(scenario, { open: template.clone, clocks: sharedClock });
        expect(perContact).toEqual(shared);
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
  }, 600_000);
});

/** The world's one clock: the engine runs up to each event's instant, then the event happens. */
const sharedClock: typeof runContactClocks = async (db, provider, events, start, end) => {
  let now = start;
  for (const e of events) {
    const at = new Date(e.event.at);
    now = await runUntil(db, provider, now, at);
    now = at;
    await applyEvents(db, [e]);
  }
  await runUntil(db, provider, now, end);
};
