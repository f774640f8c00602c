import type { Faker } from "@faker-js/faker";
import type { TenantKind } from "@/db/schema/enums";
import type { OutgoingMessage } from "@/server/engine/channels/provider";
import type { ContactEvent } from "@/server/engine/simulate/apply-event";
import { DAY_MS, HOUR_MS, MINUTE_MS, drawFor, weighted } from "../random";
import { addOnRevenue, jobRevenue, renewalRevenue } from "../revenue";
import { eventOf, type HistoryContact } from "./contact";
import { BUSINESS, shortDelay, someTimeOnDay, WAKING } from "./local-time";

/**
 * How likely one message brings its contact back: an early nudge works more often than a
 * reminder to someone gone for a year. Per message, so a contact reached on two channels is a
 * little more likely to return.
 */
const returnChance: Record<TenantKind, Record<string, number>> = {
  self_study: { streak_lost: 0.06, week: 0.05, month: 0.04, year: 0.025, recurring: 0.025 },
  home_services: { six_months: 0.05, nine_months: 0.04, twelve_months: 0.03 },
};
const OTHER_STAGE = 0.04;
/** Of those who return, how many open the message's link first. */
const THROUGH_LINK = 0.7;
/** Who open the link and do not come back (yet), for every one who returns. */
const CLICK_ONLY = 0.5;

/**
 * What `contact` does after `message` reached it at `at`: mostly nothing; sometimes it opens the
 * link and returns shortly after (a learner within minutes; a customer books, and the job is
 * done a few days later), or returns within days without the link; a return brings more
 * practice or a purchase. Decided by the message's own seed, so it does not depend on the order
 * a batch's messages go out in.
 */
export function reactionTo(
  contact: HistoryContact,
  message: OutgoingMessage,
  at: Date,
): ContactEvent[] {
  const key = `reaction/${contact.id}/${message.channel}/${message.stage}/${at.toISOString()}`;
  return drawFor(key, (faker) => {
    const chance = returnChance[contact.kind][message.stage] ?? OTHER_STAGE;
    const roll = faker.number.float({ min: 0, max: 1 });
    const learner = contact.kind === "self_study";
    const click = () => {
      const mean = learner ? 45 * MINUTE_MS : 3 * HOUR_MS;
      const clickedAt = new Date(+at + shortDelay(faker, mean, MINUTE_MS, 2 * DAY_MS));
      return eventOf(contact, clickedAt, { type: "click", channel: message.channel });
    };
    if (roll < chance * THROUGH_LINK) {
      const clicked = click();
      const from = new Date(clicked.event.at);
      const back = learner
        ? new Date(+from + faker.number.int({ min: 1, max: 20 }) * MINUTE_MS)
        : // The customer books through the link; the job is done a few days later.
          someTimeOnDay(faker, from, faker.number.int({ min: 1, max: 7 }), contact.zone, BUSINESS);
      return [clicked, ...comeBack(faker, contact, back)];
    }
    if (roll < chance) {
      const mean = learner ? DAY_MS : 4 * DAY_MS;
      const back = new Date(+at + shortDelay(faker, mean, 3 * HOUR_MS, 14 * DAY_MS));
      return comeBack(faker, contact, back);
    }
    if (roll < chance * (1 + CLICK_ONLY)) return [click()];
    return [];
  });
}

/** A return at `at`, and what follows it: more practice, a renewal, a purchase on the visit. */
function comeBack(faker: Faker, contact: HistoryContact, at: Date): ContactEvent[] {
  if (contact.kind === "home_services") {
    const job = eventOf(contact, at, { type: "activity", ...jobRevenue(faker) });
    if (faker.number.int(99) >= 20) return [job];
    const later = new Date(+at + faker.number.int({ min: 20, max: 120 }) * MINUTE_MS);
    return [job, eventOf(contact, later, { type: "purchase", ...addOnRevenue(faker) })];
  }
  const events = [eventOf(contact, at, { type: "activity" })];
  if (faker.number.int(99) < 30) {
    const renewedAt = new Date(+at + faker.number.int({ min: 5, max: 120 }) * MINUTE_MS);
    events.push(eventOf(contact, renewedAt, { type: "purchase", ...renewalRevenue(faker) }));
  }
  // Back in the habit for a few days, or not.
  const sessions = weighted(faker, [
    [0, 50],
    [faker.number.int({ min: 1, max: 3 }), 40],
    [faker.number.int({ min: 4, max: 7 }), 10],
  ]);
  let day = 0;
  for (let i = 0; i < sessions; i++) {
    day += weighted(faker, [
      [1, 85],
      [2, 15],
    ]);
    events.push(
      eventOf(contact, someTimeOnDay(faker, at, day, contact.zone, WAKING), { type: "activity" }),
    );
  }
  return events;
}
