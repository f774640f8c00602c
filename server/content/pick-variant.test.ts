import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pickVariant, seededRandom } from "./pick-variant";

const ctaKinds = ["explore_new", "quick_practice", "start_now", "book_now"] as const;
const v = (id: string, ctaKind: string) => ({ id, ctaKind });

/** A random source from fast-check's integers, for properties. */
const randomFrom = (ints: number[]) => {
  let i = 0;
  return (n: number) => (ints[i++ % ints.length] ?? 0) % n;
};

describe("pickVariant — “one approved variant is picked at random, preferring a CTA kind different from the contact's previous reminder” (SPEC §1.6)", () => {
  it.each([null, "start_now"])(
    "returns null with no approved variants (previous CTA %s)",
    (previous) => {
      expect(pickVariant([], previous, seededRandom("d1"))).toBeNull();
    },
  );

  it("picks the only variant of another kind", () => {
    const variants = [v("a", "start_now"), v("b", "explore_new"), v("c", "start_now")];
    for (const seed of ["1", "2", "3", "4", "5", "6", "7", "8"])
      expect(pickVariant(variants, "start_now", seededRandom(seed))?.id).toBe("b");
  });

  it("when every variant shares the previous CTA kind, still picks one of them", () => {
    const variants = [v("a", "start_now"), v("b", "start_now")];
    const picked = new Set(
      Array.from(
        { length: 200 },
        (_, i) => pickVariant(variants, "start_now", seededRandom(`s${i}`))?.id,
      ),
    );
    expect(picked).toEqual(new Set(["a", "b"]));
  });

  it("with no previous reminder, any variant may be picked", () => {
    const variants = ctaKinds.map((k) => v(k, k));
    const picked = new Set(
      Array.from(
        { length: 400 },
        (_, i) => pickVariant(variants, null, seededRandom(`n${i}`))?.ctaKind,
      ),
    );
    expect(picked).toEqual(new Set(ctaKinds));
  });

  it("property: never returns the previous CTA kind when another kind exists, and always returns one of the list", () => {
    const variant = fc.record({ id: fc.uuid(), ctaKind: fc.constantFrom(...ctaKinds) });
    fc.assert(
      fc.property(
        fc.array(variant, { maxLength: 6 }),
        fc.option(fc.constantFrom(...ctaKinds), { nil: null }),
        fc.string(),
        (variants, previous, seed) => {
          const picked = pickVariant(variants, previous, seededRandom(seed));
          if (variants.length === 0) {
            expect(picked).toBeNull();
            return;
          }
          expect(variants).toContain(picked);
          if (variants.some((x) => x.ctaKind !== previous))
            expect(picked!.ctaKind).not.toBe(previous);
        },
      ),
    );
  });

  it("property: the same holds for any random source (not only the seeded one)", () => {
    const variant = fc.record({ id: fc.uuid(), ctaKind: fc.constantFrom(...ctaKinds) });
    fc.assert(
      fc.property(
        fc.array(variant, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...ctaKinds),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        (variants, previous, ints) => {
          const picked = pickVariant(variants, previous, randomFrom(ints));
          expect(variants).toContain(picked);
          if (variants.some((x) => x.ctaKind !== previous))
            expect(picked!.ctaKind).not.toBe(previous);
        },
      ),
    );
  });

  it("CTA diversity: over 4,000 deliveries the two other kinds are each picked about half the time", () => {
    const variants = [v("a", "explore_new"), v("b", "quick_practice"), v("c", "start_now")];
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 4_000; i++) {
      const picked = pickVariant(variants, "explore_new", seededRandom(`delivery-${i}`))!;
      counts[picked.id]!++;
    }
    expect(counts.a).toBe(0);
    // Binomial(4000, 0.5): σ ≈ 32, so ±200 is > 6σ.
    expect(counts.b).toBeGreaterThan(1_800);
    expect(counts.c).toBeGreaterThan(1_800);
  });

  it("with no previous CTA, three variants are each picked about a third of the time", () => {
    const variants = [v("a", "explore_new"), v("b", "quick_practice"), v("c", "start_now")];
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 3_000; i++)
      counts[pickVariant(variants, null, seededRandom(`x${i}`))!.id]!++;
    for (const id of ["a", "b", "c"]) expect(Math.abs(counts[id]! - 1_000)).toBeLessThan(150);
  });
});

describe("seededRandom — “a retaken attempt after a crash picks the same variant”", () => {
  const draws = (seed: string, n = 1_000, count = 20) => {
    const random = seededRandom(seed);
    return Array.from({ length: count }, () => random(n));
  };

  it("is reproducible for the same seed", () => {
    expect(draws("delivery-42")).toEqual(draws("delivery-42"));
  });

  it("differs across seeds", () => {
    const seeds = Array.from({ length: 50 }, (_, i) => `delivery-${i}`);
    const sequences = new Set(seeds.map((s) => draws(s).join(",")));
    expect(sequences.size).toBe(seeds.length);
  });

  it("property: the same seed gives the same pick; every draw is within [0, n)", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 10_000 }), (seed, n) => {
        const a = draws(seed, n, 5);
        expect(draws(seed, n, 5)).toEqual(a);
        for (const x of a) {
          expect(Number.isInteger(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(n);
        }
      }),
    );
  });

  it("draws from a successive sequence, not the same value each time", () => {
    expect(new Set(draws("one-seed", 1_000_000, 10)).size).toBe(10);
  });
});
