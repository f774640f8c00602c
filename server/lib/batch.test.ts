import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { rejectDuplicateKeys, validateRows } from "./batch";

const row = z.object({ externalId: z.string().min(1), n: z.number().int() });

describe("validateRows", () => {
  it("reports each bad field with the row index and keeps the good rows", () => {
    const result = validateRows(
      [{ externalId: "a", n: 1 }, { externalId: "", n: 1.5 }, "nope"],
      row,
    );
    expect(result.valid).toEqual([{ index: 0, value: { externalId: "a", n: 1 } }]);
    expect(result.errors.map((e) => [e.index, e.field])).toEqual([
      [1, "externalId"],
      [1, "n"],
      [2, "(row)"],
    ]);
  });

  it("partitions any batch: every row is valid or has an error, never both, order kept", () => {
    const anyRow = fc.oneof(
      fc.record({ externalId: fc.string(), n: fc.oneof(fc.integer(), fc.double()) }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 50 }), (rows) => {
        const { valid, errors } = validateRows(rows, row);
        const bad = new Set(errors.map((e) => e.index));
        expect(valid.every((v) => !bad.has(v.index))).toBe(true);
        expect(valid.length + bad.size).toBe(rows.length);
        expect(valid.map((v) => v.index)).toEqual(
          [...valid.map((v) => v.index)].sort((a, b) => a - b),
        );
      }),
    );
  });
});

describe("rejectDuplicateKeys", () => {
  it("keeps the first row of a key and names it in the error of each repeat", () => {
    const rows = ["a", "b", "a", "a"].map((k, index) => ({ index, value: { k } }));
    const result = rejectDuplicateKeys(rows, "externalId", (v) => v.k);
    expect(result.valid.map((r) => r.index)).toEqual([0, 1]);
    expect(result.errors).toEqual([
      { index: 2, field: "externalId", reason: "repeats row 0 of this batch" },
      { index: 3, field: "externalId", reason: "repeats row 0 of this batch" },
    ]);
  });
});
