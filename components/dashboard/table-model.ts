import Papa from "papaparse";

/*
 * A dashboard table as plain strings: the page renders exactly these cells and the CSV export is
 * made from the same ones, so a download always equals what is on screen.
 */

/** A cell's text; a list shows one line each (an amount per currency), "; " in the CSV. */
export type Cell = string | string[];

export type Column = {
  label: string;
  /** The definition shown in the header's tooltip. */
  definition?: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** A sentence (a verdict): given room so it does not wrap word by word. */
  wide?: boolean;
};

export type Row = {
  key: string;
  cells: Cell[];
  /** Rows of one group (a stage and channel) share it: a line sets groups apart. */
  group?: string;
  /** What the row's first cell means, shown in a tooltip beside it. */
  definition?: string;
  /** Its numbers can still grow (open attribution windows): shown lighter and marked. */
  provisional?: boolean;
};

export type TableModel = {
  /** The table's name, its caption and the CSV's file name. */
  title: string;
  columns: Column[];
  rows: Row[];
};

export const cellText = (cell: Cell): string => (Array.isArray(cell) ? cell.join("; ") : cell);

/** The table as CSV: a header of the column labels, then one line per row. */
export function toCsv(table: TableModel): string {
  return Papa.unparse({
    fields: table.columns.map((c) => c.label),
    data: table.rows.map((r) => r.cells.map(cellText)),
  });
}

/** "rekindle-by-stage-2026-01-01-to-2026-03-31.csv" */
export function csvFileName(title: string, range: { from: string; to: string }): string {
  const slug = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `rekindle-${slug}-${range.from}-to-${range.to}.csv`;
}
