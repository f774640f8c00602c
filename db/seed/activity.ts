import type { Faker } from "@faker-js/faker";
import type { activityEvents } from "@/db/schema";
import type { TenantKind } from "@/db/schema/enums";
import { DAY_MS, weighted } from "./random";
import { jobRevenue, renewalRevenue } from "./revenue";

type ActivityRow = typeof activityEvents.$inferInsert;

export type PastActivity = { events: ActivityRow[]; lastActivityAt: Date | null };

/** Days since the last activity: every stage of both presets has contacts in it. */
function daysInactive(faker: Faker, kind: TenantKind): number | null {
  const buckets: [[number, number] | null, number][] =
    kind === "self_study"
      ? [
          [[0, 1], 30],
          [[2, 6], 15],
          [[7, 29], 20],
          [[30, 364], 20],
          [[365, 700], 10],
          [null, 5],
        ]
      : [
          [[0, 179], 35],
          [[180, 269], 15],
          [[270, 364], 15],
          [[365, 900], 30],
          [null, 5],
        ];
  const range = weighted(faker, buckets);
  return range && faker.number.int({ min: range[0], max: range[1] });
}

/**
 * A contact's activity before `now` (the start of the demo's year of engine history, or today for
 * contacts who arrive today), ending at its last qualifying activity some days before.
 */
export function generatePastActivity(
  faker: Faker,
  kind: TenantKind,
  ids: { tenantId: string; contactId: string; externalId: string },
  exerciseIds: string[],
  now: Date,
): PastActivity {
  const days = daysInactive(faker, kind);
  if (days === null) return { events: [], lastActivityAt: null };
  const last = new Date(now.getTime() - days * DAY_MS - faker.number.int(DAY_MS));
  const events =
    kind === "self_study" ? learnerEvents(faker, last, exerciseIds) : jobEvents(faker, last);
  return {
    lastActivityAt: last,
    events: events.map((e, i) => ({
      ...e,
      tenantId: ids.tenantId,
      contactId: ids.contactId,
      externalId: `${ids.externalId}-a${i + 1}`,
    })),
  };
}

type EventDraft = Omit<ActivityRow, "tenantId" | "contactId" | "externalId">;

function learnerEvents(faker: Faker, last: Date, exerciseIds: string[]): EventDraft[] {
  const count = faker.number.int({ min: 3, max: 40 });
  const events: EventDraft[] = [];
  let at = last.getTime();
  for (let i = 0; i < count; i++) {
    events.push({
      kind: "exercise_completed",
      occurredAt: new Date(at),
      revenueMinor: 0,
      currency: null,
      exerciseId: faker.helpers.arrayElement(exerciseIds),
    });
    if (faker.number.int(100) < 8) {
      events.push({
        kind: "purchase",
        occurredAt: new Date(at - 3_600_000),
        ...renewalRevenue(faker),
        exerciseId: null,
      });
    }
    at -= faker.number.int({ min: 1, max: 12 }) * DAY_MS + faker.number.int(DAY_MS / 2);
  }
  return events;
}

function jobEvents(faker: Faker, last: Date): EventDraft[] {
  const count = faker.number.int({ min: 1, max: 8 });
  const events: EventDraft[] = [];
  let at = last.getTime();
  for (let i = 0; i < count; i++) {
    events.push({
      kind: "job_completed",
      occurredAt: new Date(at),
      ...jobRevenue(faker),
      exerciseId: null,
    });
    at -= faker.number.int({ min: 45, max: 150 }) * DAY_MS;
  }
  return events;
}
