import { describe, expect, it } from "vitest";
import { reachedGroups } from "./metrics";

const counts = (reached: number, reactivations: number) => ({
  reached,
  reactivations,
  revenue: { USD: 100 * reactivations },
});

describe("the simulator's metrics groups", () => {
  it("come out by key whatever order the outcomes added them in, without groups never reached", () => {
    const added = {
      week: counts(97, 3),
      streak_lost: counts(59, 1),
      year: counts(0, 0),
      month: counts(144, 9),
      recurring: counts(118, 15),
    };
    const groups = reachedGroups(added);
    expect(Object.keys(groups)).toEqual(["month", "recurring", "streak_lost", "week"]);
    expect(groups.week).toEqual({ reached: 97, reactivations: 3 });
    expect(JSON.stringify(reachedGroups({ ...added }))).toBe(
      JSON.stringify(reachedGroups(Object.fromEntries(Object.entries(added).reverse()))),
    );
  });
});
