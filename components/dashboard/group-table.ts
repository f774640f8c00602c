import type { GroupRow } from "@/server/metrics/dashboard-schema";
import { definitions } from "./definitions";
import { formatCount, formatRate, moneyLines } from "./format";
import type { Column, TableModel } from "./table-model";

/** The numbers every group has: reached, reactivations, rate, revenue and per reactivation. */
export const groupColumns: Column[] = [
  { label: "Reached", definition: definitions.reached, numeric: true },
  { label: "Reactivations", definition: definitions.reactivations, numeric: true },
  { label: "Rate", definition: definitions.rate, numeric: true },
  { label: "Revenue", definition: definitions.revenue, numeric: true },
  {
    label: "Revenue per reactivation",
    definition: definitions.revenuePerReactivation,
    numeric: true,
  },
];

export function groupCells(row: GroupRow) {
  return [
    formatCount(row.reached),
    formatCount(row.reactivations),
    formatRate(row.rate),
    moneyLines(row.revenue),
    moneyLines(row.revenuePerReactivation),
  ];
}

/** A breakdown (by stage, channel or cohort) as a table whose first column names the group. */
export function groupTable(
  title: string,
  first: Column,
  rows: GroupRow[],
  label: (row: GroupRow) => string = (row) => row.label,
): TableModel {
  return {
    title,
    columns: [first, ...groupColumns],
    rows: rows.map((row) => ({ key: row.key, cells: [label(row), ...groupCells(row)] })),
  };
}
