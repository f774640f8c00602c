import { Faker, base, en, en_US, vi } from "@faker-js/faker";
import type { TenantKind } from "@/db/schema/enums";

/** A faker seeded per tenant kind so the demo data is the same on every machine. */
export function seededFaker(kind: TenantKind): Faker {
  const faker = new Faker({ locale: kind === "self_study" ? [vi, en, base] : [en_US, en, base] });
  faker.seed(kind === "self_study" ? 20_090 : 60_912);
  return faker;
}

/** Picks from weighted options: `[[value, weight], ...]`. */
export function weighted<T>(faker: Faker, options: [T, number][]): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let roll = faker.number.float({ min: 0, max: total });
  for (const [value, w] of options) {
    roll -= w;
    if (roll <= 0) return value;
  }
  return options[options.length - 1]![0];
}

export const DAY_MS = 86_400_000;
