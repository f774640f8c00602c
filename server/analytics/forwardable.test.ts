import { describe, expect, it } from "vitest";
import { forwardableThrough } from "./forwardable";

describe("forwardableThrough: how far a ledger reader may move past its cursor", () => {
  it.each([
    { why: "nothing new", seqs: [], settled: null, expected: { through: 10, missing: null } },
    {
      why: "consecutive numbers: all of them",
      seqs: [11, 12, 13],
      settled: null,
      expected: { through: 13, missing: null },
    },
    {
      why: "a number missing: up to it, and it is awaited",
      seqs: [11, 13, 14],
      settled: null,
      expected: { through: 11, missing: 12 },
    },
    {
      why: "missing right after the cursor: nothing yet",
      seqs: [12, 13],
      settled: null,
      expected: { through: 10, missing: 11 },
    },
    {
      why: "a missing number at or below the settled one is a rollback: passed",
      seqs: [11, 13, 14],
      settled: 13,
      expected: { through: 14, missing: null },
    },
    {
      why: "several rolled-back numbers in a row",
      seqs: [15, 16],
      settled: 16,
      expected: { through: 16, missing: null },
    },
    {
      why: "a gap beyond the settled one: up to what is settled, then awaited",
      seqs: [11, 15],
      settled: 13,
      expected: { through: 13, missing: 14 },
    },
    {
      why: "a number seen twice (rows copied in with their own seq) counts once",
      seqs: [11, 11, 12],
      settled: null,
      expected: { through: 12, missing: null },
    },
    {
      why: "numbers at or below the cursor are passed over",
      seqs: [9, 10, 11],
      settled: null,
      expected: { through: 11, missing: null },
    },
  ])("$why", ({ seqs, settled, expected }) => {
    expect(forwardableThrough(10, seqs, settled)).toEqual(expected);
  });
});
