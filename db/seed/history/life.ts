import type { Faker } from "@faker-js/faker";
import type { ContactEvent } from "@/server/engine/simulate/apply-event";
import { DAY_MS, drawFor, weighted } from "../random";
import { addOnRevenue, jobRevenue, renewalRevenue } from "../revenue";
import { eventOf, type HistoryContact } from "./contact";
import { BUSINESS, someTimeOnDay, WAKING } from "./local-time";

/**
 * What a contact does over the year on its own, reminded or not: learners practise in spells of
 * a few days to a few months and drift away between them; customers book a job when something
 * needs doing. Reminders only add to this (`reactions.ts`). Drawn from the contact's own seed.
 */
export function ownActivity(contact: HistoryContact, start: Date, end: Date): ContactEvent[] {
  const days = Math.floor((end.getTime() - start.getTime()) / DAY_MS);
  return drawFor(`life/${contact.id}`, (faker) =>
    (contact.kind === "self_study" ? practice : jobs)(faker, contact, start, days),
  ).filter((e) => {
    const at = Date.parse(e.event.at);
    return at >= start.getTime() && at < end.getTime();
  });
}

type Persona = "regular" | "casual" | "drifting";
type Spell = { days: [number, number]; gaps: [number, number][]; pause: [number, number] };

/**
 * Regulars practise daily for one to three weeks, every month or two; casual learners come for a
 * few days now and then. (Every session is a step of the engine's clock: a year of daily practice
 * would cost the seed a round per day, so even regulars take breaks.)
 */
const spells: Record<Exclude<Persona, "drifting">, Spell> = {
  regular: {
    days: [7, 21],
    gaps: [
      [1, 97],
      [2, 3],
    ],
    pause: [30, 90],
  },
  casual: {
    days: [2, 7],
    gaps: [
      [1, 95],
      [2, 5],
    ],
    pause: [60, 240],
  },
};

function practice(faker: Faker, contact: HistoryContact, start: Date, days: number) {
  // Who practised lately is more likely to keep at it.
  const recent = contact.lastActivityAt && start.getTime() - +contact.lastActivityAt < 7 * DAY_MS;
  const persona = weighted<Persona>(faker, [
    ["regular", recent ? 25 : 3],
    ["casual", recent ? 30 : 17],
    ["drifting", recent ? 45 : 80],
  ]);
  const events: ContactEvent[] = [];
  const session = (day: number) => {
    const at = someTimeOnDay(faker, start, day, contact.zone, WAKING);
    events.push(eventOf(contact, at, { type: "activity" }));
    // Now and then a session ends with a renewal.
    if (faker.number.int(99) < 2)
      events.push(eventOf(contact, new Date(+at + 600_000), renewal(faker)));
  };
  if (persona === "drifting") {
    // One short try at some point, or nothing at all.
    if (faker.number.int(99) < 25) {
      const first = faker.number.int(days - 1);
      for (let day = first; day < first + faker.number.int({ min: 1, max: 6 }); day++) session(day);
    }
    return events;
  }
  const spell = spells[persona];
  let day = persona === "regular" ? faker.number.int(10) : faker.number.int(120);
  while (day < days) {
    const until = day + faker.number.int({ min: spell.days[0], max: spell.days[1] });
    for (; day < Math.min(until, days); day += weighted(faker, spell.gaps)) session(day);
    day += faker.number.int({ min: spell.pause[0], max: spell.pause[1] });
  }
  return events;
}

const renewal = (faker: Faker) => ({ type: "purchase" as const, ...renewalRevenue(faker) });

/** Customers on a maintenance plan book every few months; others once, or not this year. */
function jobs(faker: Faker, contact: HistoryContact, start: Date, days: number) {
  const recent = contact.lastActivityAt && start.getTime() - +contact.lastActivityAt < 180 * DAY_MS;
  const persona = weighted(faker, [
    ["plan", recent ? 40 : 10],
    ["occasional", 40],
    ["lapsed", recent ? 20 : 50],
  ] as const);
  const jobDays: number[] = [];
  if (persona === "plan")
    for (
      let day = faker.number.int(130);
      day < days;
      day += faker.number.int({ min: 75, max: 130 })
    )
      jobDays.push(day);
  if (persona === "occasional" && faker.number.int(99) < 50) jobDays.push(faker.number.int(days));
  return jobDays.flatMap((day) => {
    const at = someTimeOnDay(faker, start, day, contact.zone, BUSINESS);
    const job = eventOf(contact, at, { type: "activity", ...jobRevenue(faker) });
    if (faker.number.int(99) >= 15) return [job];
    // A maintenance plan or parts bought on the visit: revenue, not a visit.
    const addOn = eventOf(contact, new Date(+at + 3_600_000), {
      type: "purchase",
      ...addOnRevenue(faker),
    });
    return [job, addOn];
  });
}
