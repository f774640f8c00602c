import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addLocalDays } from "@/server/engine/time";
import { recapText, streakLength } from "./recap";

describe("streakLength — “streak length” of the light recap (SPEC §1.6): consecutive local days ending at the last one", () => {
  it.each([
    ["no activity", [], 0],
    ["one day", ["2026-03-10"], 1],
    ["three consecutive days", ["2026-03-08", "2026-03-09", "2026-03-10"], 3],
    ["in any order", ["2026-03-09", "2026-03-10", "2026-03-08"], 3],
    ["newest first", ["2026-03-10", "2026-03-09", "2026-03-08"], 3],
    ["with duplicates", ["2026-03-10", "2026-03-10", "2026-03-09", "2026-03-09", "2026-03-10"], 2],
    ["a gap stops it", ["2026-03-10", "2026-03-08", "2026-03-07", "2026-03-06"], 1],
    ["a gap before the last run", ["2026-03-01", "2026-03-02", "2026-03-05", "2026-03-06"], 2],
    ["across a month end", ["2026-02-27", "2026-02-28", "2026-03-01"], 3],
    ["across a leap day", ["2028-02-28", "2028-02-29", "2028-03-01"], 3],
    ["across a year end", ["2025-12-30", "2025-12-31", "2026-01-01"], 3],
    ["across a DST change (dates, not instants)", ["2026-03-28", "2026-03-29", "2026-03-30"], 3],
  ])("%s → %i", (_, days, expected) => {
    expect(streakLength(days)).toBe(expected);
  });

  it("property: a run of n days ending at the latest, shuffled with duplicates and older days before a gap, counts n", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 2, max: 100 }), { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.integer(),
        (offset, n, older, dupes, salt) => {
          const last = addLocalDays("2020-01-01", offset);
          const run = Array.from({ length: n }, (_, i) => addLocalDays(last, -i));
          // Older activity at least one empty day before the run's first day.
          const before = older.map((gap) => addLocalDays(last, -(n - 1) - gap));
          const again = dupes.map((i) => run[i % n]!);
          const all = [...run, ...before, ...again].sort(
            (a, b) => ((a.charCodeAt(9) * 31 + salt) % 7) - ((b.charCodeAt(9) * 31 + salt) % 7),
          );
          expect(streakLength(all)).toBe(n);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("recapText — “a light recap (last exercise, streak length)” (SPEC §1.6)", () => {
  it.each([
    ["Past Simple drill", 5, "You practised 5 days in a row. Last time: Past Simple drill."],
    ["Past Simple drill", 2, "You practised 2 days in a row. Last time: Past Simple drill."],
    ["Past Simple drill", 1, "Last time: Past Simple drill."],
    ["Past Simple drill", 0, "Last time: Past Simple drill."],
    [null, 7, "You practised 7 days in a row."],
    [null, 1, ""],
    [null, 0, ""],
    ["Listening 3", 59, "You practised 59 days in a row. Last time: Listening 3."],
    ["Listening 3", 60, "You practised 60+ days in a row. Last time: Listening 3."],
  ])("last exercise %j, streak %i → %j", (last, streak, expected) => {
    expect(recapText(last, streak)).toBe(expected);
  });
});
