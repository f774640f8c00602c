import { createHash } from "node:crypto";
import { Faker, base, en, en_US, vi } from "@faker-js/faker";
import type { TenantKind } from "@/db/schema/enums";

/** A faker seeded per tenant kind so the demo data is the same on every machine. */
export function seededFaker(kind: TenantKind): Faker {
  const faker = new Faker({ locale: kind === "self_study" ? [vi, en, base] : [en_US, en, base] });
  faker.seed(kind === "self_study" ? 20_090 : 60_912);
  return faker;
}

const keyed = new Faker({ locale: [base] });

/**
 * Draws with a faker seeded by `key`: the same key draws the same values whatever was drawn
 * before, so a decision does not depend on the order decisions are made in (the engine sends a
 * batch's messages concurrently). `draw` must use the faker before it returns, not keep it.
 */
export function drawFor<T>(key: string, draw: (faker: Faker) => T): T {
  keyed.seed(createHash("sha256").update(key).digest().readUInt32BE(0));
  return draw(keyed);
}

/** A UUID derived from a name: the demo's workspaces have the same ids in every database. */
export function stableUuid(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex");
  // Shaped as a version 4, variant 1 UUID (the hash stands in for the random bits).
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
