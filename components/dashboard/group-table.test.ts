import { describe, expect, it } from "vitest";
import { groupTable } from "./group-table";
import { periodLabel } from "./series-data";
import { seriesTable } from "./series-table";
import { groupRowOf, pointOf } from "./tables.fixture";

const usd = (n: number) =>
  new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" }).format(n);

describe("breakdown and series tables", () => {
  it("shows a group's counts, rate and money per currency, with a dash for no rate", () => {
    const table = groupTable("By stage", { label: "Stage" }, [
      groupRowOf("1m", 40, 10),
      groupRowOf("3m", 0, 0),
    ]);
    expect(table.columns.map((c) => c.label)).toEqual([
      "Stage",
      "Reached",
      "Reactivations",
      "Rate",
      "Revenue",
      "Revenue per reactivation",
    ]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ["1M", "40", "10", "25.0%", [usd(100)], [usd(10)]],
      ["3M", "0", "0", "—", ["—"], ["—"]],
    ]);
  });

  it("marks provisional periods in their own column", () => {
    const table = seriesTable(
      [pointOf("2026-03-02", 10, 1, false), pointOf("2026-03-09", 5, 0, true)],
      "week",
    );
    expect(table.title).toBe("Reactivations by week");
    expect(table.columns[0]!.label).toBe("Week");
    expect(table.rows.map((r) => [r.cells[0], r.cells.at(-1), r.provisional])).toEqual([
      [periodLabel("2026-03-02", "week"), "Final", false],
      [periodLabel("2026-03-09", "week"), "Provisional", true],
    ]);
    expect(seriesTable([], "month").columns[0]!.label).toBe("Month");
  });
});
