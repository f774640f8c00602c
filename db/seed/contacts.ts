import type { Faker } from "@faker-js/faker";
import type { contacts } from "@/db/schema";
import type { ChannelStates } from "@/server/contacts/channel-states";
import type { DemoTenant } from "./demo-tenants";
import { programs, skills } from "./exercises";
import { weighted } from "./random";

type ContactRow = typeof contacts.$inferInsert;

// Mostly the tenant's market, plus DST zones and the far east/west of the date line.
const learnerZones: [string | null, number][] = [
  [null, 40],
  ["Asia/Ho_Chi_Minh", 35],
  ["Asia/Tokyo", 3],
  ["Asia/Kolkata", 2],
  ["Asia/Kathmandu", 1],
  ["Australia/Sydney", 4],
  ["Pacific/Auckland", 2],
  ["Pacific/Kiritimati", 1],
  ["Europe/London", 4],
  ["Europe/Berlin", 2],
  ["America/Los_Angeles", 3],
  ["America/New_York", 2],
  ["Pacific/Pago_Pago", 1],
];
const customerZones: [string | null, number][] = [
  [null, 30],
  ["America/New_York", 20],
  ["America/Chicago", 10],
  ["America/Denver", 8],
  ["America/Phoenix", 6],
  ["America/Los_Angeles", 18],
  ["America/Anchorage", 3],
  ["Pacific/Honolulu", 3],
  ["America/Puerto_Rico", 2],
];

export function generateContact(
  faker: Faker,
  tenant: DemoTenant,
  tenantId: string,
  index: number,
): ContactRow {
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const selfStudy = tenant.kind === "self_study";
  return {
    tenantId,
    externalId: `${selfStudy ? "learner" : "cust"}-${String(index + 1).padStart(5, "0")}`,
    name: selfStudy ? `${last} ${first}` : `${first} ${last}`,
    // Some integrations send the first name too (no draw: the rest of the seed stays the same).
    firstName: index % 5 === 0 ? first : null,
    email: faker.internet.email({ firstName: first, lastName: last, provider: "mail.example" }),
    phone: selfStudy
      ? faker.helpers.replaceSymbols("+8490#######")
      : faker.helpers.replaceSymbols("+1312555####"),
    timeZone: weighted(faker, selfStudy ? learnerZones : customerZones),
    locale: selfStudy
      ? weighted(faker, [
          ["vi-VN", 85],
          ["en-US", 15],
        ])
      : "en-US",
    tags: generateTags(faker, selfStudy),
    program: selfStudy ? faker.helpers.arrayElement(programs) : null,
    lastSkill: selfStudy ? faker.helpers.arrayElement(skills) : null,
    channels: selfStudy ? learnerChannels(faker) : customerChannels(faker),
    // Learners follow the school's Zalo Official Account; the id is the OA's user id.
    zaloUserId: selfStudy ? `${8_400_000_000 + index}` : null,
  };
}

function generateTags(faker: Faker, selfStudy: boolean): string[] {
  const pool = selfStudy
    ? ["premium", "trial", "ielts-2026", "scholarship", "mobile-app"]
    : ["residential", "commercial", "vip", "hvac", "plumbing", "referral"];
  const tags = faker.helpers.arrayElements(pool, { min: 0, max: 2 });
  if (faker.number.int(100) < 3) tags.push("do-not-contact");
  return tags;
}

function learnerChannels(faker: Faker): ChannelStates {
  const channels: ChannelStates = {
    zalo: faker.number.int(100) < 90 ? "subscribed" : "unsubscribed",
  };
  // Web push exists only for learners who granted the browser permission.
  if (faker.number.int(100) < 70) channels.web_push = "subscribed";
  return channels;
}

function customerChannels(faker: Faker): ChannelStates {
  return {
    email: faker.number.int(100) < 92 ? "subscribed" : "unsubscribed",
    sms: weighted(faker, [
      ["subscribed", 80],
      ["unsubscribed", 15],
      ["unreachable", 5],
    ]),
  };
}
