import { MAX_CELL_CHARS, type ColumnMapping } from "./fields";

/*
 * CSV records (arrays of cells, as the parser returns them) → the rows sent to the server, each
 * with the line of the file it starts on. Pure, shared by the import page and the benchmark.
 */

/** A problem the browser found in a row: the server reports it and stores nothing of the row. */
export type RowProblem = { field: string; reason: string };

/** One data row of the file: its first line (the header is line 1) and its mapped cells. */
export type ImportRow = {
  line: number;
  values: Partial<Record<string, string>>;
  problem?: RowProblem;
};

const LINE_BREAK = /\r\n|\r|\n/g;

/** A blank line (or one of empty cells only) is no row: skipped, but it still counts as a line. */
export function isBlankRecord(record: string[]): boolean {
  return record.every((cell) => cell.trim() === "");
}

/** Lines a record spans: one, plus each line break inside its quoted cells. */
function linesOf(record: string[]): number {
  let lines = 1;
  for (const cell of record) lines += cell.match(LINE_BREAK)?.length ?? 0;
  return lines;
}

/**
 * Turns the records of one file, in order, into rows. Keeps the line count across calls (the
 * file arrives in pieces) and the first line of each external id, so a repeat anywhere in the
 * file is reported with the line it repeats, as the API reports a repeat within one batch.
 */
export function createRowReader(mapping: ColumnMapping) {
  let line = 1;
  let header: string[] | null = null;
  const columns = mapping.length;
  const idColumn = mapping.indexOf("externalId");
  const firstLineOf = new Map<string, number>();

  /** The row of this record, or null for the header and blank lines. */
  function read(record: string[], parseProblem?: string): ImportRow | null {
    const at = line;
    line += linesOf(record);
    if (!header) {
      header = record;
      return null;
    }
    if (isBlankRecord(record)) return null;
    const problem = parseProblem
      ? { field: "(row)", reason: parseProblem }
      : (shapeProblem(record, header, columns) ?? duplicateProblem(record[idColumn], at));
    if (problem) return { line: at, values: {}, problem };
    const values: Record<string, string> = {};
    mapping.forEach((field, column) => {
      if (field) values[field] = record[column] ?? "";
    });
    return { line: at, values };
  }

  function duplicateProblem(id: string | undefined, at: number): RowProblem | null {
    const key = id?.trim();
    if (!key) return null;
    const first = firstLineOf.get(key);
    if (first === undefined) {
      firstLineOf.set(key, at);
      return null;
    }
    return { field: "externalId", reason: `repeats the external id of line ${first}` };
  }

  return { read };
}

function shapeProblem(record: string[], header: string[], columns: number): RowProblem | null {
  if (record.length !== columns) {
    return {
      field: "(row)",
      reason: `has ${record.length} ${record.length === 1 ? "cell" : "cells"} where the header has ${columns} columns (a value holding the separator or a line break must be in double quotes)`,
    };
  }
  const long = record.findIndex((cell) => cell.length > MAX_CELL_CHARS);
  if (long >= 0) {
    return {
      field: header[long]?.trim() || `column ${long + 1}`,
      reason: `is longer than ${MAX_CELL_CHARS.toLocaleString("en-US")} characters`,
    };
  }
  return null;
}
