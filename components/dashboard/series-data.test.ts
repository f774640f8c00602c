import { describe, expect, it } from "vitest";
import { periodLabel, periodTick, seriesChartRows } from "./series-data";
import { pointOf } from "./tables.fixture";

describe("series as the charts plot it", () => {
  it("splits the rate into a solid final line and a dashed provisional one that joins it", () => {
    const rows = seriesChartRows(
      [
        pointOf("2026-03-02", 10, 1, false),
        pointOf("2026-03-09", 10, 2, false),
        pointOf("2026-03-16", 5, 1, true),
        pointOf("2026-03-23", 0, 0, true),
      ],
      "week",
      "USD",
    );
    expect(rows.map((r) => [r.rate, r.provisionalRate])).toEqual([
      [0.1, null],
      [0.2, 0.2],
      [null, 0.2],
      [null, null],
    ]);
    expect(rows.map((r) => r.revenue)).toEqual([10, 20, 10, null]);
  });

  it("has no joint when nothing is provisional, and no revenue without a currency", () => {
    const rows = seriesChartRows([pointOf("2026-03-02", 10, 1, false)], "month");
    expect(rows[0]).toMatchObject({ rate: 0.1, provisionalRate: null, revenue: null });
  });

  it("labels the axis briefly", () => {
    const day = new Intl.DateTimeFormat(undefined, {
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    });
    expect(periodTick("2026-03-02", "week")).toBe(day.format(Date.UTC(2026, 2, 2)));
    expect(periodTick("2026-03-01", "month")).toContain("26");
    expect(periodLabel("2026-03-02", "week")).toBe(
      `Week of ${new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(2026, 2, 2))}`,
    );
    expect(periodLabel("2026-03-01", "month")).toBe(
      new Intl.DateTimeFormat(undefined, {
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }).format(Date.UTC(2026, 2, 1)),
    );
  });
});
