import type { SeriesPoint } from "@/server/metrics/dashboard-schema";
import { definitions } from "./definitions";
import { groupCells, groupColumns } from "./group-table";
import { periodLabel } from "./series-data";
import type { TableModel } from "./table-model";

/** The series by week or month, one row per period, with whether its numbers are final. */
export function seriesTable(series: SeriesPoint[], period: "week" | "month"): TableModel {
  return {
    title: `Reactivations by ${period}`,
    columns: [
      { label: period === "week" ? "Week" : "Month", definition: definitions.period },
      ...groupColumns,
      { label: "Status", definition: definitions.provisional },
    ],
    rows: series.map((point) => ({
      key: point.periodStart,
      provisional: point.provisional,
      cells: [
        periodLabel(point.periodStart, period),
        ...groupCells(point),
        point.provisional ? "Provisional" : "Final",
      ],
    })),
  };
}
