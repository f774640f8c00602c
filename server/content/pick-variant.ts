import { createHash } from "node:crypto";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** A random index in [0, n), from a seeded source. */
export type Random = (n: number) => number;

/**
 * A seeded random source. Sends seed it with the delivery's id, so a pick is reproducible (a
 * retaken attempt after a crash picks the same variant) yet spread across contacts.
 */
export function seededRandom(seed: string): Random {
  const rng = xoroshiro128plus(createHash("sha256").update(seed).digest().readInt32LE(0));
  return (n) => uniformInt(rng, 0, n - 1);
}

/**
 * SPEC §1.6: one approved variant at random, preferring a CTA kind different from the contact's
 * previous reminder (when every variant shares that kind, any of them). Null when none exists.
 */
export function pickVariant<T extends { ctaKind: string }>(
  approved: T[],
  previousCta: string | null,
  random: Random,
): T | null {
  const different = approved.filter((v) => v.ctaKind !== previousCta);
  const pool = different.length > 0 ? different : approved;
  return pool.length > 0 ? pool[random(pool.length)]! : null;
}
