import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bisect } from "./bisect";

describe("bisect", () => {
  it("runs the whole batch once when it succeeds", async () => {
    const runs: number[][] = [];
    const { results, failed } = await bisect([1, 2, 3], async (b) => (runs.push(b), b.length));
    expect(runs).toEqual([[1, 2, 3]]);
    expect(results).toEqual([3]);
    expect(failed).toEqual([]);
  });

  it("gives every good item its run and names exactly the bad ones, with their errors", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 60 }),
        fc.func(fc.boolean()),
        async (items, isBad) => {
          const bad = new Set(items.filter((i) => isBad(i)));
          const { results, failed } = await bisect(items, async (batch) => {
            const found = batch.find((i) => bad.has(i));
            if (found !== undefined) throw new Error(`bad ${found}`);
            return batch;
          });
          expect(results.flat().sort()).toEqual(items.filter((i) => !bad.has(i)).sort());
          expect(failed.map((f) => f.item).sort()).toEqual([...bad].sort());
          for (const f of failed) expect(f.error).toEqual(new Error(`bad ${f.item}`));
        },
      ),
    );
  });

  it("costs O(log n) extra runs for one bad item", async () => {
    let runs = 0;
    const items = Array.from({ length: 1_024 }, (_, i) => i);
    await bisect(items, async (batch) => {
      runs++;
      if (batch.includes(700)) throw new Error("bad");
    });
    expect(runs).toBeLessThanOrEqual(1 + 2 * Math.log2(items.length));
  });
});
