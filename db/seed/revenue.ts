import type { Faker } from "@faker-js/faker";
import { weighted } from "./random";

/** Revenue in minor units with its currency, as activity events carry it (SPEC §1.8). */
export type Revenue = { revenueMinor: number; currency: string };

/** A home-services job: a tune-up, a repair or an install, 150–600 USD in whole dollars. */
export function jobRevenue(faker: Faker): Revenue {
  return { revenueMinor: faker.number.int({ min: 150, max: 600 }) * 100, currency: "USD" };
}

/** What a customer buys beside a job (a maintenance plan, a filter pack): 49–249 USD. */
export function addOnRevenue(faker: Faker): Revenue {
  return {
    revenueMinor: faker.helpers.arrayElement([4_900, 8_900, 14_900, 24_900]),
    currency: "USD",
  };
}

/** A learner's subscription renewal: mostly monthly, some quarterly or yearly, in đồng. */
export function renewalRevenue(faker: Faker): Revenue {
  const revenueMinor = weighted(faker, [
    [199_000, 60],
    [499_000, 28],
    [1_290_000, 12],
  ]);
  // The đồng has no minor unit in use: minor units are đồng.
  return { revenueMinor, currency: "VND" };
}
