import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isHeldOut } from "./holdout";

/*
 * SPEC §1.8: held out when int(first 8 hex digits of sha256("<salt>:<externalId>:<cycle start>"),
 * 16) < percent / 100 × 2^32. The digests below were computed apart from the code, with coreutils:
 *
 *   $ printf '%s' 'salt:id:2026-01-05T03:00:00.000Z' | sha256sum
 *   a2f85fc33bbe9a8051390b66899f2218a8749ca5d86023382ddc416d07c98d99  -
 *   $ printf '%s' 'salt:c-1:2026-01-05T03:00:00.000Z' | sha256sum
 *   fa57cd1bf1761e632c9c30739f5afcc5659b9374b45e423b568ad42e97d4792b  -
 *   $ printf '%s' 'salt:c-2:2026-01-05T03:00:00.000Z' | sha256sum
 *   8da5108c3423869a94beb803b3590e328924fd6b714065a0205f5e649783d701  -
 *   $ printf '%s' 'salt:id:2026-01-05T03:00:00.001Z' | sha256sum
 *   76b53cf0d49536f0c8ce60a6c93ac86951c886e09e7a91575a7824ef81b184c0  -
 *   $ printf '%s' 'other:id:2026-01-05T03:00:00.000Z' | sha256sum
 *   42fff7d6de8b7e8f42cea3b8744118c6668624f0068fe2c27e84bab97b8230db  -
 *   $ printf '%s' 'simulation:bao:2025-12-01T10:00:00.000Z' | sha256sum
 *   070a3b7c6af5d7638acd46199890aba6101ae6f49a75288331eb94319e2510fb  -
 *   $ printf '%s' 'simulation:khanh:2025-12-01T10:00:00.000Z' | sha256sum
 *   c76557ac940b53ed45ca3d03a6e7b3aa6fd149411c68d5c495f1d00a60cb668e  -
 *
 * A digest's first 8 hex digits h are held out exactly when percent > h × 100 / 2^32, e.g.
 * a2f85fc3 = 2734186435 → percent > 63.66023875307292 (= 68354660875 / 2^30, exact in binary).
 */

const start = new Date("2026-01-05T03:00:00.000Z");

/** The next double above x (x > 0). */
function nextUp(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

describe("isHeldOut against digests computed with sha256sum", () => {
  it.each([
    // [salt, id, start, first 8 hex, percent, held out, why]
    ["salt", "id", start, "a2f85fc3", 64, true, "2734186435 < 0.64 × 2^32 = 2748779069.44"],
    ["salt", "id", start, "a2f85fc3", 63, false, "2734186435 ≥ 0.63 × 2^32 = 2705829396.48"],
    ["salt", "id", start, "a2f85fc3", 50, false, "the settings' cap: 2734186435 ≥ 2^31"],
    ["salt", "c-1", start, "fa57cd1b", 97, false, "4200058139 ≥ 0.97 × 2^32 = 4166118277.12"],
    ["salt", "c-1", start, "fa57cd1b", 98, true, "4200058139 < 0.98 × 2^32 = 4209067950.08"],
    ["salt", "c-2", start, "8da5108c", 55, false, "2376405132 ≥ 0.55 × 2^32 = 2362232012.8"],
    ["salt", "c-2", start, "8da5108c", 56, true, "2376405132 < 0.56 × 2^32 = 2405181685.76"],
    [
      "salt",
      "id",
      new Date("2026-01-05T03:00:00.001Z"),
      "76b53cf0",
      50,
      true,
      "1 ms later is another cycle start: 1991589104 < 2^31",
    ],
    ["other", "id", start, "42fff7d6", 26, false, "another salt: 1124071382 ≥ 1116691496.96"],
    ["other", "id", start, "42fff7d6", 27, true, "another salt: 1124071382 < 1159641169.92"],
    // Scenario 23's, at its 50 %: bao held out, khanh not.
    [
      "simulation",
      "bao",
      new Date("2025-12-01T10:00:00Z"),
      "070a3b7c",
      50,
      true,
      "118111100 < 2^31",
    ],
    [
      "simulation",
      "khanh",
      new Date("2025-12-01T10:00:00Z"),
      "c76557ac",
      50,
      false,
      "3345307564 ≥ 2^31",
    ],
  ])("%s:%s:%s (%s) at %i %% → %s: %s", (salt, id, cycleStart, hex, percent, held) => {
    // The code hashes what sha256sum hashed.
    expect(
      createHash("sha256")
        .update(`${salt}:${id}:${cycleStart.toISOString()}`)
        .digest("hex")
        .slice(0, 8),
    ).toBe(hex);
    expect(isHeldOut(salt, id, cycleStart, percent)).toBe(held);
  });

  it("the cycle start is written as toISOString() writes it, whatever the offset it came with", () => {
    // 10:00 at +07:00 is 03:00:00.000Z: the same string, the same digest a2f85fc3.
    expect(isHeldOut("salt", "id", new Date("2026-01-05T10:00:00+07:00"), 64)).toBe(true);
    expect(isHeldOut("salt", "id", new Date("2026-01-05T10:00:00+07:00"), 63)).toBe(false);
  });

  it("the comparison is exact and strict at the boundary percent", () => {
    // a2f85fc3: held out iff percent > 2734186435 × 100 / 2^32 = 63.66023875307292 exactly.
    const boundary = (2734186435 * 100) / 2 ** 32;
    expect(boundary).toBe(68354660875 / 2 ** 30);
    expect(isHeldOut("salt", "id", start, boundary)).toBe(false); // equal is not below
    expect(isHeldOut("salt", "id", start, nextUp(boundary))).toBe(true);
    // 8da5108c: 2376405132 × 100 / 2^32 = 55.3299936465919.
    const c2 = (2376405132 * 100) / 2 ** 32;
    expect(isHeldOut("salt", "c-2", start, c2)).toBe(false);
    expect(isHeldOut("salt", "c-2", start, nextUp(c2))).toBe(true);
  });
});

const anyInput = fc.tuple(
  fc.string(),
  fc.string({ minLength: 1 }),
  fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
);

describe("isHeldOut at the extremes", () => {
  it("0 % holds out nobody (nor does a negative percent)", () => {
    fc.assert(
      fc.property(anyInput, fc.constantFrom(0, -0, -5), ([salt, id, at], percent) => {
        expect(isHeldOut(salt, id, at, percent)).toBe(false);
      }),
    );
  });

  it("100 % holds out everybody: every 32-bit prefix, ffffffff included, is below 2^32", () => {
    fc.assert(
      fc.property(anyInput, ([salt, id, at]) => {
        expect(isHeldOut(salt, id, at, 100)).toBe(true);
      }),
    );
  });

  it("agrees with the rule in exact integer arithmetic for percents in quarters from 0 to 100", () => {
    // percent = q / 4: held out iff h < q / 400 × 2^32 iff 400 h < q × 2^32 (BigInt: exact).
    fc.assert(
      fc.property(anyInput, fc.integer({ min: 0, max: 400 }), ([salt, id, at], q) => {
        const digest = createHash("sha256").update(`${salt}:${id}:${at.toISOString()}`).digest();
        const h = BigInt(digest.readUInt32BE(0));
        expect(isHeldOut(salt, id, at, q / 4)).toBe(400n * h < BigInt(q) * 2n ** 32n);
      }),
      { numRuns: 500 },
    );
  });

  it("a higher percent holds out everyone a lower one did", () => {
    fc.assert(
      fc.property(
        anyInput,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        ([salt, id, at], a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          if (isHeldOut(salt, id, at, low)) expect(isHeldOut(salt, id, at, high)).toBe(true);
        },
      ),
    );
  });
});

describe("the held-out share", () => {
  it("over 10 000 random ids is within 5 standard deviations of the percent", () => {
    const n = 10_000;
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 50 }),
        (salt, seed, percent) => {
          const at = new Date(Date.UTC(2026, 0, 1) + (seed % 1_000_000) * 60_000);
          let held = 0;
          for (let i = 0; i < n; i++) if (isHeldOut(salt, `c-${seed}-${i}`, at, percent)) held++;
          const p = percent / 100;
          const sd = Math.sqrt((p * (1 - p)) / n);
          expect(Math.abs(held / n - p)).toBeLessThan(5 * sd);
        },
      ),
      { numRuns: 20 },
    );
  });
});
